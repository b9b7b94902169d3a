// The employer's sworn statements travel on the employer: supporting documents held, maître(s) eligible (wire-format.md §1).
import { defineRule, type Violation } from '../rule.js';
import { avec, resultat } from '../support/champs.js';

const recu = (v: unknown): string => (v === undefined || v === null ? 'absent' : JSON.stringify(v));

export default defineRule({
  id: 'cerfa-employeur-attestations',
  title: 'L’employeur doit transmettre ses attestations (pièces justificatives, éligibilité du maître d’apprentissage)',
  requirements: ['CERFA-02', 'CERFA-14'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const e = cerfa.employeur;
    let v: Violation[] | undefined;
    const pieces: unknown = e?.attestationPieces;
    if (pieces !== true) {
      (v ??= []).push({
        path: 'employeur.attestationPieces',
        expected: 'true (l’employeur atteste détenir les pièces justificatives)',
        received: recu(pieces),
        message: 'L’employeur doit attester détenir les pièces justificatives du contrat',
      });
    }
    // Its value (false: the maître is not eligible) is eligibilite-attestation-maitre's business; here, only its presence.
    const eligibilite: unknown = e?.attestationEligibilite;
    if (typeof eligibilite !== 'boolean') {
      (v ??= []).push({
        path: 'employeur.attestationEligibilite',
        expected: 'true ou false (attestation d’éligibilité du maître d’apprentissage)',
        received: recu(eligibilite),
        message: 'L’attestation de l’employeur sur l’éligibilité du maître d’apprentissage doit être transmise',
      });
    }
    return resultat(v);
  },
  plant(valid) {
    return { payload: avec(valid, 'employeur.attestationPieces', false) };
  },
});
