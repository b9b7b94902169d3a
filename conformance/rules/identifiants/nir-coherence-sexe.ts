// The NIR's first digit matches the apprentice's sex: 1 for M, 2 for F (Mission apprentissage control N1).
//
// Blocking, as in the sources: the Mission apprentissage form answers this control with an error (norme.md §3.2,
// contrat cerfa/controls/common/nir.control.ts), the Mission offers those control scripts to the OPCOs for their
// platforms (seed 004), and the API's management rules include blocking controls (seed 003). Requirement ID-09/10/11.
import { redact } from '../../identifiers/index.js';
import { defineRule, fail } from '../rule.js';
import { avec, PASSE, sansObjet } from '../support/champs.js';
import { nirApprenti, remplacerDansNir } from './nir-outils.js';

const SANS_OBJET = sansObjet('NIR ou sexe absent ou mal formé');

export default defineRule({
  id: 'nir-coherence-sexe',
  title: 'Le sexe renseigné doit correspondre au 1er chiffre du NIR',
  requirements: ['ID-09'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const nir = nirApprenti(cerfa);
    const sexe = cerfa.apprenti?.sexe;
    if (nir === undefined || (sexe !== 'M' && sexe !== 'F')) return SANS_OBJET;
    const attendu = sexe === 'M' ? 49 : 50; // '1' : '2'
    if (nir.charCodeAt(0) === attendu) return PASSE;
    return fail({
      path: 'apprenti.nir',
      expected: `NIR commençant par ${sexe === 'M' ? 1 : 2} (sexe ${sexe})`,
      received: redact('nir', nir),
      message: 'Le sexe renseigné ne correspond pas au 1er chiffre du NIR',
    });
  },
  plant(valid) {
    const nir = valid.apprenti.nir;
    return { payload: avec(valid, 'apprenti.nir', remplacerDansNir(nir, 0, nir.startsWith('1') ? '2' : '1')) };
  },
});
