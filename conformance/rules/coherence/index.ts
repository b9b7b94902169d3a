// Rules of the 'coherence' area, listed explicitly (never registered by import side effect).
import type { Rule } from '../rule.js';

export const coherenceRules: Rule<any>[] = [];
