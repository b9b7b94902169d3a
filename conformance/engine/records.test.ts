// The splitter reads NDJSON, one JSON value or a JSON array in any chunking, with the right start lines and errors.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { InputError, RecordSplitter, parseRecord, type RawRecord } from './records.js';

function split(text: string, chunkSizes: number[] = [text.length || 1]): RawRecord[] {
  const splitter = new RecordSplitter();
  const out: RawRecord[] = [];
  let at = 0;
  let k = 0;
  while (at < text.length) {
    const size = Math.max(1, chunkSizes[k++ % chunkSizes.length]!);
    out.push(...splitter.push(text.slice(at, at + size)));
    at += size;
  }
  out.push(...splitter.end());
  return out;
}

/** The same input given as UTF-8 bytes, cut at byte positions (possibly inside a multi-byte character). */
function splitBytes(text: string, chunkSizes: number[] = [Buffer.byteLength(text) || 1]): RawRecord[] {
  const bytes = Buffer.from(text);
  const splitter = new RecordSplitter();
  const out: RawRecord[] = [];
  let at = 0;
  let k = 0;
  while (at < bytes.length) {
    const size = Math.max(1, chunkSizes[k++ % chunkSizes.length]!);
    out.push(...splitter.push(bytes.subarray(at, at + size)));
    at += size;
  }
  out.push(...splitter.end());
  return out;
}

const parsed = (records: RawRecord[]) => records.map((r) => [r.line, JSON.parse(r.text)]);

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('no InputError thrown');
}

describe('RecordSplitter', () => {
  it('reads NDJSON line by line, skipping blank lines', () => {
    const text = '{"a":1}\n\n{"b":"x\\"}"}\r\n  \n{"c":[1,{"d":2}]}';
    expect(parsed(split(text))).toEqual([
      [1, { a: 1 }],
      [3, { b: 'x"}' }],
      [5, { c: [1, { d: 2 }] }],
    ]);
  });

  it('reads one pretty-printed object', () => {
    const text = '\n{\n  "numeroInterne": "D-1",\n  "apprenti": { "nom": "a]b" }\n}\n';
    expect(parsed(split(text))).toEqual([[2, { numeroInterne: 'D-1', apprenti: { nom: 'a]b' } }]]);
  });

  it('streams the elements of a top-level array with their start lines', () => {
    const text = '[\n  {"a": 1},\n  {\n    "b": "[\\\\"\n  },\n  {"c": 3}\n]\n';
    expect(parsed(split(text))).toEqual([
      [2, { a: 1 }],
      [3, { b: '[\\' }],
      [6, { c: 3 }],
    ]);
    expect(split('[]')).toEqual([]);
    expect(split('')).toEqual([]);
  });

  it('gives the same records whatever the chunk boundaries, from text or from bytes', () => {
    const records = [{ a: 'x\\"y' }, { b: [1, 2, { c: 'é"’' }] }, { d: 'e\\\\', e: 'Œuvre 𝄞' }];
    const forms = [
      records.map((r) => JSON.stringify(r)).join('\n') + '\n',
      '\uFEFF\n\n' + records.map((r) => JSON.stringify(r)).join('\r\n'),
      JSON.stringify(records, null, 2),
      JSON.stringify(records),
      JSON.stringify(records[1], null, 2),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...forms), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }), (text, sizes) => {
        const expected = split(text).map((r) => [r.line, JSON.parse(r.text)]);
        expect(split(text, sizes).map((r) => [r.line, JSON.parse(r.text)])).toEqual(expected);
        expect(splitBytes(text, sizes).map((r) => [r.line, JSON.parse(r.text)])).toEqual(expected);
      }),
    );
  });

  it('reads bytes in every form, with the same lines and errors', () => {
    expect(parsed(splitBytes('\n{"a":1}\n\n{"b":"é"}'))).toEqual([
      [2, { a: 1 }],
      [4, { b: 'é' }],
    ]);
    expect(parsed(splitBytes('[\n {"a":1},\n {"b":2}\n]'))).toEqual([
      [2, { a: 1 }],
      [3, { b: 2 }],
    ]);
    expect(parsed(splitBytes('{\n "a": 1\n}\n'))).toEqual([[1, { a: 1 }]]);
    expect(splitBytes('')).toEqual([]);
    expect(splitBytes('  \n ')).toEqual([]);
    expect(errorOf(() => splitBytes('[{"a":1}')).message).toMatch(/unterminated JSON array/);
    const lines = splitBytes('{"a":1}\n{"b": }\n');
    expect(errorOf(() => parseRecord(lines[1]!)).line).toBe(2);
  });

  it('refuses text after bytes', () => {
    const splitter = new RecordSplitter();
    splitter.push(Buffer.from('{"a":1}\n'));
    expect(() => splitter.push('{"b":2}\n')).toThrow(/text pushed after bytes/);
  });

  it('names the line of an invalid NDJSON line', () => {
    const records = split('{"a":1}\n{"b": }\n{"c":3}\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 3]);
    const error = errorOf(() => parseRecord(records[1]!));
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/^invalid JSON/);
  });

  it('reports an unterminated value at its start line', () => {
    expect(errorOf(() => split('{\n "a": {\n')).line).toBe(1);
    expect(errorOf(() => split('[\n{"a":1},\n{"b":\n')).line).toBe(3);
    expect(errorOf(() => split('[{"a":1}')).message).toMatch(/unterminated JSON array/);
  });

  it('rejects malformed arrays with the line', () => {
    expect(errorOf(() => split('[{"a":1}\n{"b":2}]')).line).toBe(2);
    expect(errorOf(() => split('[{"a":1},,{"b":2}]')).message).toMatch(/unexpected ','/);
    expect(errorOf(() => split('[{"a":1}]\n{"b":2}')).message).toMatch(/after the end of the JSON array/);
  });
});

describe('parseRecord', () => {
  it('unwraps { payload, context, kind }', () => {
    expect(parseRecord({ text: '{"payload":{"x":1},"context":{"today":"2025-01-02"},"kind":"facture"}', line: 4 })).toEqual({
      payload: { x: 1 },
      context: { today: '2025-01-02' },
      kind: 'facture',
    });
  });

  it('leaves a payload alone, even one with a field named payload', () => {
    const cerfa = { apprenti: {}, contrat: {}, payload: { a: 1 } };
    expect(parseRecord({ text: JSON.stringify(cerfa), line: 1 })).toEqual({ payload: cerfa });
  });

  it('rejects non-objects, bad contexts and unknown kinds at the line', () => {
    expect(errorOf(() => parseRecord({ text: '[1]', line: 7 })).message).toMatch(/must be a JSON object, got an array/);
    expect(errorOf(() => parseRecord({ text: '{"payload":{},"context":3}', line: 7 })).line).toBe(7);
    expect(errorOf(() => parseRecord({ text: '{"payload":{},"kind":"avenant"}', line: 7 })).message).toMatch(/unknown kind 'avenant'/);
  });

  it('does not echo the input in its JSON error message', () => {
    const error = errorOf(() => parseRecord({ text: '{"nir": 1850575123456789 x}', line: 1 }));
    expect(error.message).not.toContain('1850575123456789');
  });
});
