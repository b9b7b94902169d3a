// Tests of certificat-numero-echeance-valide: the échéance number is a whole number from 1.
import { describe, it, expect } from 'vitest';
import rule from './certificat-numero-echeance-valide.js';
import { certificatValide } from '../fixtures/certificat-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'certificat', valide: certificatValide, contexte: contexteFacturation, chemins: ['echeance.numero'] });

describe('certificat-numero-echeance-valide', () => {
  it('refuses a fractional number', () => {
    const certificat = certificatValide();
    certificat.echeance.numero = 1.5;
    expect(rule.check(certificat, {}).outcome).toBe('fail');
  });
});
