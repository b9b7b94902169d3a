// JSON renderer: the report object itself (schema reports/suite/report.schema.json), after the defensive redaction.
import type { SuiteReport } from './model.js';
import { scrubReport } from './scrub.js';

export const json = (report: SuiteReport): string => JSON.stringify(scrubReport(report), null, 2) + '\n';
