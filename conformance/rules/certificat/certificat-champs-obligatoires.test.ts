// Tests of certificat-champs-obligatoires: the required fields of the certificat.
import { describe, it, expect } from 'vitest';
import rule from './certificat-champs-obligatoires.js';
import { certificatValide } from '../fixtures/certificat-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'certificat', valide: certificatValide, contexte: contexteFacturation, chemins: ['apprenti.nom'] });

describe('certificat-champs-obligatoires', () => {
  it('refuses an unknown type of certificat', () => {
    const certificat = { ...certificatValide(), typeCertificat: 'Partiel' as never };
    expect(rule.check(certificat, {})).toMatchObject({ outcome: 'fail', violations: [{ path: 'typeCertificat' }] });
  });
});
