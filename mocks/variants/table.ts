// The variant list as a Markdown table, so docs/variants.md is generated from the data and a test keeps it in step.
import { VARIANTS, type Variant } from './index.js';

export const TABLE_START = '<!-- variants:start (generated from mocks/variants/index.ts; UPDATE_DOCS=1 npx vitest run mocks/variants/table.test.ts) -->';
export const TABLE_END = '<!-- variants:end -->';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

export function variantsTable(variants: readonly Variant[] = VARIANTS): string {
  const rows = variants.map((v) => `| \`${v.id}\` | ${cell(v.description)} | ${v.breaks.map((id) => `\`${id}\``).join(', ')} |`);
  return ['| Variant | What it breaks | Rules the suite must fail (and no other) |', '|---|---|---|', ...rows].join('\n');
}

/** `doc` with the text between the markers replaced by the current table; throws when the markers are missing. */
export function withTable(doc: string, variants: readonly Variant[] = VARIANTS): string {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('docs/variants.md: table markers not found');
  return `${doc.slice(0, start + TABLE_START.length)}\n${variantsTable(variants)}\n${doc.slice(end)}`;
}
