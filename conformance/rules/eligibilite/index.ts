// Rules of the 'eligibilite' area, listed explicitly (never registered by import side effect).
import type { Rule } from '../rule.js';

export const eligibiliteRules: Rule<any>[] = [];
