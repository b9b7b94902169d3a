// Tests of certificat-echeance-connue: the certificat names a known échéance.
import { describe, it, expect } from 'vitest';
import rule from './certificat-echeance-connue.js';
import { certificatValide } from '../fixtures/certificat-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'certificat', valide: certificatValide, contexte: contexteFacturation, chemins: ['echeance.numero'], contexteRequis: true });

describe('certificat-echeance-connue', () => {
  it('checks the codification when given, and the dossier', () => {
    const certificat = certificatValide();
    certificat.echeance.codification = 'E2';
    expect(rule.check(certificat, contexteFacturation())).toMatchObject({ outcome: 'fail', violations: [{ path: 'echeance.codification', expected: 'E1' }] });
    certificat.numeroInterneDossier = 'INCONNU';
    expect(rule.check(certificat, contexteFacturation())).toMatchObject({ outcome: 'fail', violations: [{ path: 'numeroInterneDossier' }] });
  });
});
