// The NIR's département (characters 6–7, 6–8 overseas) matches the birth département, 99 abroad (control N4).
//
// Blocking, as in the sources: the Mission apprentissage form answers this control with an error (norme.md §3.2,
// contrat cerfa/controls/common/nir.control.ts), the Mission offers those control scripts to the OPCOs for their
// platforms (seed 004), and the API's management rules include blocking controls (seed 003). Requirement ID-09/10/11.
import { redact } from '../../identifiers/index.js';
import { defineRule, fail } from '../rule.js';
import { avec, PASSE, sansObjet } from '../support/champs.js';
import { nirApprenti, remplacerDansNir } from './nir-outils.js';
import { departementSurDeux } from './chemins.js';

const SANS_OBJET = sansObjet('NIR ou département de naissance absent ou mal formé');

/**
 * Whether the NIR's département designates the declared one, compared in place. The declared code is read on 2
 * characters (`069` → `69`, `02A` → `2A`, `099` → `99`, as software pads it); accepted: the same code (`971` for
 * overseas, whose third digit starts the NIR's commune), and `20` in the NIR for someone declared in 2A/2B
 * (Corsica was one département until 1976).
 */
function concorde(nir: string, declare: string): boolean {
  const dep = departementSurDeux(declare);
  const n5 = nir.charCodeAt(5);
  const n6 = nir.charCodeAt(6);
  const d0 = dep.charCodeAt(0);
  let d1 = dep.charCodeAt(1);
  if (d1 === 97 || d1 === 98) d1 -= 32; // 2a → 2A
  if (dep.length === 2) {
    if (n5 === d0 && n6 === d1) return true;
    return n5 === 50 && n6 === 48 && d0 === 50 && (d1 === 65 || d1 === 66);
  }
  if (dep.length !== 3) return false;
  return n5 === d0 && n6 === dep.charCodeAt(1) && nir.charCodeAt(7) === dep.charCodeAt(2); // 971
}

export default defineRule({
  id: 'nir-coherence-departement',
  title: 'Le département de naissance doit correspondre aux 6e et 7e chiffres du NIR',
  requirements: ['ID-11', 'ID-28'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const nir = nirApprenti(cerfa);
    const dep: unknown = cerfa.apprenti?.departementNaissance;
    if (nir === undefined || typeof dep !== 'string' || dep === '') return SANS_OBJET;
    if (concorde(nir, dep)) return PASSE;
    return fail({
      path: 'apprenti.nir',
      expected: 'département de naissance (99 si né à l’étranger) aux 6e et 7e caractères du NIR',
      received: `${redact('nir', nir)} (département différent de apprenti.departementNaissance)`,
      message: 'Le département renseigné ne correspond pas aux 6e et 7e chiffres du NIR',
    });
  },
  plant(valid) {
    const nir = valid.apprenti.nir;
    const declare = departementSurDeux(valid.apprenti.departementNaissance);
    const autre = declare === '69' || nir.slice(5, 7) === '69' ? '38' : '69';
    return { payload: avec(valid, 'apprenti.nir', remplacerDansNir(nir, 5, autre)) };
  },
});
