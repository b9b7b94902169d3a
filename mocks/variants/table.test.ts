// docs/variants.md lists exactly the variants of the registry (regenerate with UPDATE_DOCS=1).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VARIANTS } from './index.js';
import { variantsTable, withTable } from './table.js';

const DOC = fileURLToPath(new URL('../../docs/variants.md', import.meta.url));

describe('docs/variants.md', () => {
  it('holds the table generated from mocks/variants/index.ts', () => {
    const doc = readFileSync(DOC, 'utf8');
    const expected = withTable(doc);
    if (process.env.UPDATE_DOCS === '1' && doc !== expected) writeFileSync(DOC, expected);
    else expect(doc, 'stale table: run UPDATE_DOCS=1 npx vitest run mocks/variants/table.test.ts').toBe(expected);
  });

  it('renders one row per variant, escaping pipes', () => {
    const table = variantsTable();
    expect(table.split('\n')).toHaveLength(VARIANTS.length + 2);
    expect(variantsTable([{ id: 'x', description: 'a | b', breaks: ['r'] }])).toContain('a \\| b');
  });
});
