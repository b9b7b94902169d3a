// Rules of the 'cerfa' area, listed explicitly (never registered by import side effect).
import type { Rule } from '../rule.js';

export const cerfaRules: Rule<any>[] = [];
