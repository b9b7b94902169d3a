// The scanned date, time and date-time formats give ajv-formats' verdict on every string, valid or nearly so.
import { createRequire } from 'node:module';
import { faker } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { formats } from './spec-formats.js';

const require = createRequire(import.meta.url);
const { fullFormats } = require('ajv-formats/dist/formats') as { fullFormats: Record<string, { validate: (s: string) => boolean }> };

const SEEDS = [
  '2026-09-01', '2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '0000-01-01',
  '2026-09-01T00:00:00+00:00', '2026-09-01T00:00:00Z', '2026-09-01t00:00:00z', '2026-09-01 00:00:00Z', '2026-09-01T23:59:59.123456789-11:30',
  '2026-09-01T00:00:00', '2026-09-01T00:00:00+0000', '2026-09-01T00:00:00+01', '2016-12-31T23:59:60Z', '2016-12-31T22:59:60-01:00',
  '2026-09-01T24:00:00Z', '2026-09-01T10:60:00Z', '2026-09-01T10:00:60Z', '2026-09-01T10:00:00+24:00', '2026-09-01T10:00:00+01:60',
  '2026-09-01T10:00:00.Z', '23:59:59Z', '00:00:00.5+02:00', '12:00:00', '12:00:00+0200', '23:59:60Z', '2026-09-01T10:00:00Z\n',
];
const ALPHABET = '0123456789-:+.TtZz \n/';

/** A seed with one or two characters replaced, inserted or deleted. */
function mutate(seed: string): string {
  let s = seed;
  for (let n = faker.number.int({ min: 1, max: 2 }); n > 0; n--) {
    const at = faker.number.int({ min: 0, max: s.length });
    const c = ALPHABET[faker.number.int({ min: 0, max: ALPHABET.length - 1 })]!;
    const how = faker.number.int({ min: 0, max: 2 });
    s = how === 0 ? s.slice(0, at) + c + s.slice(at + 1) : how === 1 ? s.slice(0, at) + c + s.slice(at) : s.slice(0, at) + s.slice(at + 1);
  }
  return s;
}

describe('spec formats', () => {
  it.each(['date', 'time', 'date-time'])('%s agrees with ajv-formats on seeds and 20,000 mutations of them', (name) => {
    faker.seed(42);
    const ours = (formats[name] as { validate: (s: string) => boolean }).validate;
    const theirs = fullFormats[name]!.validate;
    // Each format is fed its own kind of string too: the date and time parts of the date-times.
    const seeds = [...SEEDS, ...SEEDS.filter((s) => s.length > 11).flatMap((s) => [s.slice(0, 10), s.slice(11)])];
    const cases = [...seeds, ...Array.from({ length: 20_000 }, () => mutate(faker.helpers.arrayElement(seeds)))];
    const disagreements = cases.filter((s) => ours(s) !== theirs(s));
    expect(disagreements).toEqual([]);
    // The mutations reach both verdicts, so the comparison means something.
    expect(cases.filter((s) => ours(s)).length).toBeGreaterThan(150);
    expect(cases.filter((s) => !ours(s)).length).toBeGreaterThan(150);
  });

  it('keeps every other format of ajv-formats', () => {
    expect(Object.keys(formats).sort()).toEqual(Object.keys(fullFormats).sort());
    expect(formats.email).toBe(fullFormats.email);
  });
});
