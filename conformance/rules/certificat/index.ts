// Rules of the 'certificat' area, listed explicitly (never registered by import side effect).
import type { Rule } from '../rule.js';

export const certificatRules: Rule<any>[] = [];
