// JSON report: the validation summary itself, a stable machine-readable shape (see ValidationSummary).
import type { Reporter } from './types.js';

export const json: Reporter = (summary) => JSON.stringify(summary, null, 2) + '\n';
