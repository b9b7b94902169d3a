// Pattern-only identifier formats: RNCP, CFD, NAF, IDCC, postal codes, départements, DECA numbers, e-mails, phones.
import { describe, it, expect } from 'vitest';
import * as id from './index.js';

function cases(fn: (s: string) => boolean, good: string[], bad: string[]): void {
  for (const s of good) expect(fn(s), `expected valid: ${s}`).toBe(true);
  for (const s of bad) expect(fn(s), `expected invalid: ${s}`).toBe(false);
}

describe('pattern formats', () => {
  it('RNCP', () => cases(id.isValidRncp, ['RNCP34567', '34567', 'RNCP12'], ['RNCP', 'RNCP123456', 'rncp34567', 'RNCP 34567', '1']));
  it('code diplôme', () => cases(id.isValidCodeDiplome, ['32031211', '4003120A', '32031211T'], ['3203121', '32031211TT', '3203121a', '']));
  it('NAF', () => cases(id.isValidNaf, ['6201Z', '62.01Z', '4711F'], ['6201', '62.01z', '620Z', '62-01Z', '62.01ZZ']));
  it('IDCC', () => cases(id.isValidIdcc, ['1486', '0843', '9999', '9998'], ['0000', '843', '12345', 'ABCD', '']));
  it('code postal', () => cases(id.isValidCodePostal, ['75001', '97400', '20000'], ['7500', '750011', '7500A', '']));
  it('département', () =>
    cases(id.isValidDepartement, ['01', '75', '2A', '2B', '971', '976', '988', '99'], ['00', '2C', '979', '985', '7', '075', '']));
  it('numéro DECA', () =>
    cases(id.isValidNumeroDeca, ['02B202212000000', '075202301NC1234', '075202301121234', '971202405001234'], ['075202301NC123', '07520230XNC1234', '075202321NC1234', '']));
  it('courriel', () =>
    cases(
      id.isValidCourriel,
      ['jean.dupont@example.fr', 'a+b@sous.domaine.example.com', 'x@y.io'],
      ['jean.dupont@example', 'jean@dupont@example.fr', 'jean dupont@example.fr', '@example.fr', 'jean@.fr', 'jean@example.', 'jean@example..fr', ''],
    ));
  it('téléphone', () =>
    cases(
      id.isValidTelephone,
      ['0612345678', '06 12 34 56 78', '06.12.34.56.78', '+33612345678', '+33 6 12 34 56 78', '+4915123456789'],
      ['061234567', '06123456789', '+3361234567', '+33', '+331234', '0012345678', '06-12-34-56-78', '+12345', ''],
    ));
});
