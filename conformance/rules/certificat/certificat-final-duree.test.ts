// Tests of certificat-final-duree: a final certificat states the hours performed.
import { describe, it, expect } from 'vitest';
import rule from './certificat-final-duree.js';
import { certificatValide } from '../fixtures/certificat-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'certificat', valide: certificatValide, contexte: contexteFacturation, chemins: ['echeance.duree'], surValide: 'not-applicable' });

describe('certificat-final-duree', () => {
  it('passes a final certificat that states its hours', () => {
    expect(rule.check({ ...certificatValide(), typeCertificat: 'Final' }, {}).outcome).toBe('pass');
  });
});
