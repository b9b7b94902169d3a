// The NIR's département (characters 6–7, 6–8 overseas) matches the birth département, 99 abroad (control N4).
import { redact } from '../../identifiers/index.js';
import { defineRule, fail, notApplicable, pass } from '../rule.js';
import { avec } from './champs.js';
import { nirApprenti, remplacerDansNir } from './nir-outils.js';

/** Whether the NIR's département code designates the declared birth département. */
function concorde(nirDept: string, naissance: string): boolean {
  if (nirDept === naissance) return true;
  // AGECAP pads to 3 characters (075): accept the padded form.
  if (naissance.length === 3 && naissance.charCodeAt(0) === 48 && naissance.slice(1) === nirDept) return true;
  // Corsica was département 20 until 1976; older NIRs keep it.
  return nirDept === '20' && (naissance === '2A' || naissance === '2B');
}

export default defineRule({
  id: 'nir-coherence-departement',
  title: 'Le département de naissance doit correspondre aux 6e et 7e chiffres du NIR',
  requirements: ['ID-11'],
  severity: 'avertissement',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const nir = nirApprenti(cerfa);
    const naissance = cerfa.apprenti?.departementNaissance;
    if (nir === null || typeof naissance !== 'string' || naissance === '') {
      return notApplicable('NIR ou département de naissance absent ou mal formé');
    }
    if (concorde(nir.departement, naissance.toUpperCase())) return pass();
    return fail({
      path: 'apprenti.nir',
      expected: 'département de naissance (99 si né à l’étranger) aux 6e et 7e caractères du NIR',
      received: `${redact('nir', cerfa.apprenti.nir)} (département différent de apprenti.departementNaissance)`,
      message: 'Le département renseigné ne correspond pas aux 6e et 7e chiffres du NIR',
    });
  },
  plant(valid) {
    const nir = valid.apprenti.nir;
    const autre = valid.apprenti.departementNaissance === '69' || nir.slice(5, 7) === '69' ? '38' : '69';
    return { payload: avec(valid, 'apprenti.nir', remplacerDansNir(nir, 5, autre)) };
  },
});
