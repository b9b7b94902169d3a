// The typed map of validation reporters, one per --format value.
import type { Reporter } from './types.js';
import { text } from './text.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { markdown } from './markdown.js';

export const FORMATS = ['text', 'json', 'junit', 'sarif', 'markdown'] as const;
export type FormatName = (typeof FORMATS)[number];

export const reporters: Record<FormatName, Reporter> = { text, json, junit, sarif, markdown };

export { text, json, junit, sarif, markdown };
export type { Reporter, ReporterOptions } from './types.js';
