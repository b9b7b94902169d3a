// R6223-22: the employer attests that the maître(s) d'apprentissage meet the competence conditions.
import { defineRule, fail, pass } from '../rule.js';
import { copie } from '../coherence/support/plant.js';

export default defineRule<'cerfa'>({
  id: 'eligibilite-attestation-maitre',
  title: "L'employeur doit attester que le maître d'apprentissage remplit les conditions de compétence professionnelle",
  requirements: ['ELIG-10', 'ELIG-22'],
  severity: 'bloquant',
  area: 'eligibilite',
  appliesTo: ['cerfa'],
  check(cerfa) {
    if (cerfa.signatures?.attestationEligibiliteMaitre === true) return pass();
    return fail({
      path: 'signatures.attestationEligibiliteMaitre',
      expected: "oui : l'employeur atteste l'éligibilité du maître d'apprentissage",
      received: cerfa.signatures?.attestationEligibiliteMaitre === false ? 'non' : 'absente',
    });
  },
  plant(valid) {
    const cerfa = copie(valid);
    cerfa.signatures.attestationEligibiliteMaitre = false;
    return { payload: cerfa };
  },
});
