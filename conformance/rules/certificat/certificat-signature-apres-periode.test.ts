// Tests of certificat-signature-apres-periode: a certificat is signed after its period, not in the future.
import { describe, it, expect } from 'vitest';
import rule from './certificat-signature-apres-periode.js';
import { certificatValide } from '../fixtures/certificat-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'certificat', valide: certificatValide, contexte: contexteFacturation, chemins: ['dateSignature'] });

describe('certificat-signature-apres-periode', () => {
  it('refuses a signature after today', () => {
    expect(rule.check(certificatValide(), { today: '2025-10-13' })).toMatchObject({ outcome: 'fail', violations: [{ path: 'dateSignature' }] });
  });
});
