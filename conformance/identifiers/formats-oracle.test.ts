// The character scanners agree with the regexes the sources publish, on random and near-miss inputs.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import * as id from './index.js';

/** The patterns as written in norme.md §3.4 (and the brief for phones): the scanners must say the same. */
const ORACLES: [string, (s: string) => boolean, RegExp | ((s: string) => boolean), string][] = [
  ['rncp', id.isValidRncp, /^(?:RNCP)?[0-9]{2,5}$/, 'RNCP0123456789 '],
  ['codeDiplome', id.isValidCodeDiplome, /^[0-9A-Z]{8}[A-Z]?$/, '0123456789ABZaz '],
  ['naf', id.isValidNaf, /^[0-9]{2}\.?[0-9]{2}[A-Z]$/, '0123456789.AZz'],
  ['idcc', id.isValidIdcc, /^(?!0000)[0-9]{4}$/, '0123456789A'],
  ['codePostal', id.isValidCodePostal, /^[0-9]{5}$/, '0123456789 A'],
  ['departement', id.isValidDepartement, /^(?!00$)(?:[0-9][0-9]|2[AB]|97[1234678]|98[46789])$/, '0123456789ABC'],
  [
    'numeroDeca',
    id.isValidNumeroDeca,
    /^(?:0[0-9][0-9]|02[ABab]|9[012345]|97[12346])[0-9]{4}[0-1][0-9](?:NC|nc|[0-9]{2})[0-9]{4}$/,
    '0123456789ABabNCnc',
  ],
  ['courriel', id.isValidCourriel, /^[^\s@]+@(?:[^\s@.]+\.)+[^\s@.]+$/, 'ab.@ \t'],
  [
    'telephone',
    id.isValidTelephone,
    (s: string) => {
      const t = s.replace(/[ .]/g, '');
      return /^(?:0[1-9][0-9]{8}|\+33[1-9][0-9]{8})$/.test(t) || (!t.startsWith('+33') && /^\+[0-9]{8,15}$/.test(t));
    },
    '+0123456789 .',
  ],
];

/** Strings over a small alphabet (so near-misses are common), sometimes built around a valid-looking core. */
const arbitraire = (alphabet: string) => fc.string({ unit: fc.constantFrom(...alphabet.split('')), maxLength: 20 });

describe('scanners match the published patterns', () => {
  for (const [name, scanner, oracle, alphabet] of ORACLES) {
    const ref = typeof oracle === 'function' ? oracle : (s: string) => oracle.test(s);
    it(name, () => {
      fc.assert(fc.property(arbitraire(alphabet), (s) => scanner(s) === ref(s)), { numRuns: 5000 });
    });
  }
  it('on one-character mutations of valid values', () => {
    const valides: Record<string, string[]> = {
      rncp: ['RNCP34567', '123'], codeDiplome: ['50022135', '4003120AT'], naf: ['62.01Z', '4711F'], idcc: ['0843'],
      codePostal: ['75002'], departement: ['971', '2A', '99', '986'], numeroDeca: ['02B202212000000', '955202212NC1234', '971202401nc0001'],
      courriel: ['lea.martin@example.fr', 'a@b.co.uk'], telephone: ['+33 6 12 34 56 78', '06.12.34.56.78', '+4915123456789'],
    };
    for (const [name, scanner, oracle, alphabet] of ORACLES) {
      const ref = typeof oracle === 'function' ? oracle : (x: string) => oracle.test(x);
      const mutation = fc.tuple(fc.constantFrom(...valides[name]!), fc.nat(), fc.constantFrom(...alphabet.split('')), fc.constantFrom(0, 1, 2));
      fc.assert(
        fc.property(mutation, ([v, pos, ch, op]) => {
          const i = pos % (v.length + 1);
          const m = op === 0 ? v.slice(0, i) + ch + v.slice(i + 1) : op === 1 ? v.slice(0, i) + ch + v.slice(i) : v.slice(0, i) + v.slice(i + 1);
          return scanner(m) === ref(m);
        }),
        { numRuns: 3000 },
      );
    }
  });
  it('on known-valid shapes too', () => {
    const samples = ['RNCP34567', '50022135', '62.01Z', '0843', '75002', '971', '02B202212000000', '955202212NC1234', 'a@b.c', '+33 6 12 34 56 78', ' 0612345678'];
    for (const s of samples) {
      for (const [name, scanner, oracle] of ORACLES) {
        const ref = typeof oracle === 'function' ? oracle(s) : oracle.test(s);
        expect(scanner(s), `${name}(${s})`).toBe(ref);
      }
    }
  });
});
