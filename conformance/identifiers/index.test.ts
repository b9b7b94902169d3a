// The public names other modules import from the identifier toolkit stay exported and callable.
import { describe, it, expect } from 'vitest';
import * as identifiers from './index.js';

const PUBLIC = [
  'luhnValid', 'completeLuhn', 'isValidSiren', 'isValidSiret', 'nirKey', 'parseNir', 'isValidNir', 'uaiLetter',
  'isValidUai', 'ibanCheckDigits', 'isValidIban', 'isValidRncp', 'isValidCodeDiplome', 'isValidNaf', 'isValidIdcc',
  'isValidCodePostal', 'isValidDepartement', 'isValidNumeroDeca', 'isValidCourriel', 'isValidTelephone', 'redact',
];

describe('identifiers public API', () => {
  it('exports every agreed name as a function', () => {
    for (const name of PUBLIC) expect(typeof (identifiers as Record<string, unknown>)[name], name).toBe('function');
  });
  it('builds identifiers that its own validators accept', () => {
    const siret = identifiers.completeLuhn(identifiers.completeLuhn('12345678') + '0001');
    expect(identifiers.isValidSiret(siret)).toBe(true);
    const nir = '2060369123045';
    expect(identifiers.isValidNir(nir + identifiers.nirKey(nir))).toBe(true);
    expect(identifiers.isValidUai('0691234' + identifiers.uaiLetter('0691234'))).toBe(true);
    const bban = '20041010050500013M02606';
    expect(identifiers.isValidIban(`FR${identifiers.ibanCheckDigits('FR', bban)}${bban}`)).toBe(true);
  });
});
