// Rules of the 'schema' area, listed explicitly (never registered by import side effect).
import type { Rule } from '../rule.js';
import schemaConformeSpec from './schema-conforme-spec.js';

export const schemaRules: readonly Rule<any>[] = [schemaConformeSpec];
