// Public entry of the suite reports: the model, the five renderers as a typed map, and the one function that writes files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SuiteReport } from './model.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif, toSarif } from './sarif.js';
import { markdown } from './markdown.js';
import { html, escapeHtml } from './html.js';

export const SUITE_FORMATS = ['json', 'junit', 'sarif', 'markdown', 'html'] as const;
export type SuiteFormat = (typeof SUITE_FORMATS)[number];
export type SuiteReporter = (report: SuiteReport) => string;

export const suiteReporters: Record<SuiteFormat, SuiteReporter> = { json, junit, sarif, markdown, html };

/** File name of each format inside the output directory. */
export const SUITE_FILE_NAMES: Record<SuiteFormat, string> = {
  json: 'report.json',
  junit: 'report.junit.xml',
  sarif: 'report.sarif',
  markdown: 'report.md',
  html: 'report.html',
};

export function isSuiteFormat(value: string): value is SuiteFormat {
  return (SUITE_FORMATS as readonly string[]).includes(value);
}

/** Renders `report` in each format and writes it under `outDir` (created if missing); returns the paths written, in order. */
export function writeReports(report: SuiteReport, outDir: string, formats: readonly SuiteFormat[] = SUITE_FORMATS): string[] {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const format of new Set(formats)) {
    const path = join(outDir, SUITE_FILE_NAMES[format]);
    writeFileSync(path, suiteReporters[format](report), 'utf8');
    written.push(path);
  }
  return written;
}

export * from './model.js';
export { validateSuiteReport, suiteReportSchema, suiteReportSchemaPath } from './schema.js';
export { scrubReport, scrubString, redactFields } from './scrub.js';
export { json, junit, sarif, toSarif, markdown, html, escapeHtml };
