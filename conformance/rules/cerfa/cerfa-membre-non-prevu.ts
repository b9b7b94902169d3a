// A member the spec does not describe is accepted but reported, one warning per member (issue 12 §2; wire-format.md).
import { membresNonPrevus } from '../../model/membres-cerfa.js';
import { defineRule, fail } from '../rule.js';
import { avec, PASSE } from '../support/champs.js';
import { dossierDe } from '../support/dossier.js';

export default defineRule({
  id: 'cerfa-membre-non-prevu',
  title: 'Le CERFA ne devrait porter que des membres prévus par la norme',
  requirements: ['CERFA-31'],
  // Real software sends members a rebuilt spec may not list: reported, never refused (no source says an OPCO refuses one).
  severity: 'avertissement',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    // The engine found them while reading the deposit body; a CERFA checked on its own is walked here.
    const inconnus = dossierDe(cerfa)?.membresNonPrevus ?? membresNonPrevus(cerfa);
    if (inconnus.length === 0) return PASSE;
    return fail(
      ...inconnus.map((path) => ({
        path,
        expected: 'un membre décrit par la spécification (spec/openapi.yaml)',
        received: 'membre inconnu',
        message: `Membre non prévu par la norme : ${path}`,
      })),
    );
  },
  plant(valid) {
    return { payload: avec(valid, 'apprenti.adresse.numeroVoie', '12') };
  },
});
