// Tests of convention-attestations-signature: the convention is attested signed by both parties.
import { describe, it, expect } from 'vitest';
import rule from './convention-attestations-signature.js';
import { conventionValide } from '../fixtures/convention-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'convention', valide: conventionValide, contexte: contexteFacturation, chemins: ['attestationConventionSigneeCFA'] });

describe('convention-attestations-signature', () => {
  it('accepts absent optional attestations and refuses a false one', () => {
    const convention = conventionValide();
    delete convention.attestationConventionSignatureProbante;
    expect(rule.check(convention, {}).outcome).toBe('pass');
    convention.attestationConventionConformeJSON = false;
    expect(rule.check(convention, {})).toMatchObject({ outcome: 'fail', violations: [{ path: 'attestationConventionConformeJSON' }] });
  });
});
