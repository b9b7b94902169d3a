// The suite report's JSON Schema (report.schema.json, the published contract) and a validator for it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { packageRoot } from '../../conformance/engine/package-root.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object on some setups.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

/** The JSON file is not compiled: code in dist/ reads it from the package's reports/suite. */
export const suiteReportSchemaPath = (): string => join(packageRoot(), 'reports', 'suite', 'report.schema.json');

let validator: ValidateFunction | undefined;

export function suiteReportSchema(): object {
  return JSON.parse(readFileSync(suiteReportSchemaPath(), 'utf8')) as object;
}

/** The schema errors of `value` as `path: message` lines; empty when it is a valid suite report. */
export function validateSuiteReport(value: unknown): string[] {
  if (validator === undefined) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    validator = ajv.compile(suiteReportSchema());
  }
  if (validator(value)) return [];
  return (validator.errors ?? []).map((error: ErrorObject) => `${error.instancePath === '' ? '/' : error.instancePath}: ${error.message ?? error.keyword}`);
}
