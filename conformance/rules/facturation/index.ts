// Rules of the 'facturation' area, listed explicitly (never registered by import side effect).
import type { Rule } from '../rule.js';

export const facturationRules: Rule<any>[] = [];
