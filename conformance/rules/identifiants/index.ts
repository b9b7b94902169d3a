// Rules of the 'identifiants' area, listed explicitly (never registered by import side effect).
import type { Rule } from '../rule.js';

export const identifiantsRules: Rule<any>[] = [];
