// R6223-22: the employer attests that the maître(s) d'apprentissage meet the competence conditions (employeur.attestationEligibilite).
import { defineRule, fail, pass, skip } from '../rule.js';
import { copie } from '../support/plant.js';

export default defineRule<'cerfa'>({
  id: 'eligibilite-attestation-maitre',
  title: "L'employeur doit attester que le maître d'apprentissage remplit les conditions de compétence professionnelle",
  requirements: ['ELIG-10', 'ELIG-22'],
  severity: 'bloquant',
  area: 'eligibilite',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const attestation: unknown = cerfa.employeur?.attestationEligibilite;
    if (attestation === true) return pass();
    // An absent statement is reported once, by cerfa-employeur-attestations.
    if (attestation === undefined || attestation === null) return skip('attestation absente (voir cerfa-employeur-attestations)');
    return fail({
      path: 'employeur.attestationEligibilite',
      expected: "true : l'employeur atteste l'éligibilité du maître d'apprentissage",
      received: attestation === false ? 'false' : JSON.stringify(attestation),
    });
  },
  plant(valid) {
    const cerfa = copie(valid);
    cerfa.employeur.attestationEligibilite = false;
    return { payload: cerfa };
  },
});
