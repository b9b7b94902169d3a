// Tests of certificat-duree-positive: hours performed are positive.
import { describe, it, expect } from 'vitest';
import rule from './certificat-duree-positive.js';
import { certificatValide } from '../fixtures/certificat-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'certificat', valide: certificatValide, contexte: contexteFacturation, chemins: ['echeance.duree'] });

describe('certificat-duree-positive', () => {
  it('refuses zero hours and accepts an absent duration', () => {
    const certificat = certificatValide();
    certificat.echeance.duree = 0;
    expect(rule.check(certificat, {}).outcome).toBe('fail');
    delete certificat.echeance.duree;
    expect(rule.check(certificat, {}).outcome).toBe('pass');
  });
});
