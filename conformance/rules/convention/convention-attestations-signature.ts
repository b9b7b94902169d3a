// The convention is attested signed by the company and by the CFA; the optional attestations, when given, are true.
import { defineRule, verdict, type Violation } from '../rule.js';
import { copie } from '../support/facturation.js';

const OBLIGATOIRES = ['attestationConventionSigneeEntreprise', 'attestationConventionSigneeCFA'] as const;
const FACULTATIVES = ['attestationConventionSignatureProbante', 'attestationConventionConformeJSON'] as const;

export default defineRule<'convention'>({
  id: 'convention-attestations-signature',
  title: 'La convention doit être attestée signée par l’entreprise et par le CFA',
  requirements: ['CONV-05'],
  severity: 'bloquant',
  area: 'convention',
  appliesTo: ['convention'],
  check(convention) {
    const violations: Violation[] = [];
    for (const champ of OBLIGATOIRES) {
      if (convention[champ] !== true) violations.push({ path: champ, expected: 'true', received: String(convention[champ]) });
    }
    for (const champ of FACULTATIVES) {
      if (convention[champ] !== undefined && convention[champ] !== true) violations.push({ path: champ, expected: 'true ou absent', received: String(convention[champ]) });
    }
    return verdict(violations);
  },
  plant(valid) {
    return { payload: { ...copie(valid), attestationConventionSigneeCFA: false } };
  },
});
