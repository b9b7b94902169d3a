// Rules of the 'convention' area, listed explicitly (never registered by import side effect).
import type { Rule } from '../rule.js';

export const conventionRules: Rule<any>[] = [];
