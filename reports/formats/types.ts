// The reporter contract: a pure function from a validation summary to the text of one format.
import type { ValidationSummary } from '../../conformance/engine/summary.js';

export interface ReporterOptions {
  /** ANSI colours (text format only); the CLI enables them for a TTY without NO_COLOR. */
  color?: boolean;
}

export type Reporter = (summary: ValidationSummary, options?: ReporterOptions) => string;
