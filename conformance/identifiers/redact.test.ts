// Redaction: every kind keeps just enough to tell values apart and never the value itself.
import { describe, it, expect } from 'vitest';
import { redact } from './index.js';

describe('redact', () => {
  it('NIR keeps only the sex digit', () => {
    expect(redact('nir', '101010100100153')).toBe('1 ** ** ** *** *** **');
    expect(redact('nir', '2850575120123')).toBe('2 ** ** ** *** ***');
  });
  it('IBAN keeps country, check digits and the last 4', () => {
    expect(redact('iban', 'FR7630006000011234567890189')).toBe('FR76 **** … 0189');
    expect(redact('iban', 'FR76 3000 6000 0112 3456 7890 189')).toBe('FR76 **** … 0189');
    expect(redact('iban', 'FR76')).toBe('****');
  });
  it('names keep their first letter', () => {
    expect(redact('nom', 'Dupont')).toBe('D***');
    expect(redact('nom', 'Élodie')).toBe('É***');
  });
  it('dates are fully masked', () => {
    expect(redact('date', '2005-03-14')).toBe('****-**-**');
  });
  it('keys keep 4 characters only when long enough', () => {
    expect(redact('cle', 'cfa-key-0123456789abcdef')).toBe('cfa-…');
    expect(redact('cle', 'short')).toBe('…');
  });
  it('e-mails keep initials and the top-level domain', () => {
    expect(redact('courriel', 'jean.dupont@example.fr')).toBe('j***@e***.fr');
    expect(redact('courriel', 'pas-un-courriel')).toBe('***');
  });
  it('phones keep the last two digits', () => {
    expect(redact('telephone', '+33 6 12 34 56 78')).toBe('** ** ** ** 78');
    expect(redact('telephone', '123')).toBe('**');
  });
  it('never returns the input for non-empty personal values', () => {
    const values = ['101010100100153', 'FR7630006000011234567890189', 'Dupont', '2005-03-14', 'jean@x.fr', '0612345678'];
    const kinds = ['nir', 'iban', 'nom', 'date', 'courriel', 'telephone'] as const;
    kinds.forEach((k, i) => {
      const v = values[i]!;
      const r = redact(k, v);
      expect(r).not.toBe(v);
      expect(r).not.toContain(v.slice(1, 6));
    });
  });
  it('leaves empty values empty', () => {
    expect(redact('nom', '')).toBe('');
  });
});
