// Tests of certificat-periode-ordonnee: the certificat period is ordered.
import { describe, it, expect } from 'vitest';
import rule from './certificat-periode-ordonnee.js';
import { certificatValide } from '../fixtures/certificat-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'certificat', valide: certificatValide, contexte: contexteFacturation, chemins: ['echeance.dateFin'] });

describe('certificat-periode-ordonnee', () => {
  it('accepts a one-day period and no period at all', () => {
    const certificat = certificatValide();
    certificat.echeance.dateDebut = certificat.echeance.dateFin;
    expect(rule.check(certificat, {}).outcome).toBe('pass');
    delete certificat.echeance.dateDebut;
    delete certificat.echeance.dateFin;
    expect(rule.check(certificat, {}).outcome).toBe('pass');
  });
});
