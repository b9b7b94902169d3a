// Reads a YAML data file (a scenario, a recette) checked against its JSON Schema, with one message naming the file, the line and the first problems.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';

/** The schema's validator, compiled on first use (most commands never read a scenario or a recette). */
export function validateurParesseux(schemaPath: () => string): () => ValidateFunction {
  let validator: ValidateFunction | undefined;
  return () => {
    if (!validator) {
      const schema = JSON.parse(readFileSync(schemaPath(), 'utf8')) as Record<string, unknown>;
      delete schema.$schema;
      validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
    }
    return validator;
  };
}

/** One schema problem: where, what, and the member or the values it is about. */
function probleme(e: ErrorObject): string {
  const membre = e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : '';
  const valeurs = e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : '';
  return `${e.instancePath || '/'} ${e.message ?? ''}${membre}${valeurs}`;
}

/**
 * The YAML text as data, once valid against the schema; else `erreur` of one line: `file:line:col: invalid YAML: …`
 * or `file: /path problem; …` (the first five).
 */
export function lireYamlValide(text: string, file: string, validate: ValidateFunction, erreur: (message: string) => Error): unknown {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0];
    throw erreur(`${file}${pos ? `:${pos.line}:${pos.col}` : ''}: invalid YAML: ${e.message.split('\n')[0]}`);
  }
  const value = doc.toJS() as unknown;
  if (!validate(value)) throw erreur(`${file}: ${(validate.errors ?? []).slice(0, 5).map(probleme).join('; ')}`);
  return value;
}
