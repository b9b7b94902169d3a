// The NIR's year (characters 2–3) and month (4–5) match the birth date (Mission apprentissage control N2).
//
// Blocking, as in the sources: the Mission apprentissage form answers this control with an error (norme.md §3.2,
// contrat cerfa/controls/common/nir.control.ts), the Mission offers those control scripts to the OPCOs for their
// platforms (seed 004), and the API's management rules include blocking controls (seed 003). Requirement ID-09/10/11.
import { redact } from '../../identifiers/index.js';
import { defineRule, fail, type Violation } from '../rule.js';
import { avec, PASSE, sansObjet } from '../support/champs.js';
import { nirApprenti, remplacerDansNir } from './nir-outils.js';

const SANS_OBJET = sansObjet('NIR ou date de naissance absent ou mal formé');

/** `YYYY-MM-DD` shape (the calendar is other rules' business). */
function formeDate(d: string): boolean {
  return d.length === 10 && d.charCodeAt(4) === 45 && d.charCodeAt(7) === 45;
}

export default defineRule({
  id: 'nir-coherence-date-naissance',
  title: 'L’année et le mois de naissance doivent correspondre aux 2e à 5e chiffres du NIR',
  requirements: ['ID-10'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const nir = nirApprenti(cerfa);
    const date: unknown = cerfa.apprenti?.dateNaissance;
    if (nir === undefined || typeof date !== 'string' || !formeDate(date)) return SANS_OBJET;
    let violations: Violation[] | undefined;
    if (date.charCodeAt(2) !== nir.charCodeAt(1) || date.charCodeAt(3) !== nir.charCodeAt(2)) {
      violations = [
        {
          path: 'apprenti.nir',
          expected: 'année de naissance (2 derniers chiffres) aux 2e et 3e caractères du NIR',
          received: `${redact('nir', nir)} / ${redact('date', date)}`,
          message: 'L’année de naissance indiquée ne correspond pas aux 2e et 3e chiffres du NIR',
        },
      ];
    }
    // Months 20–42 and 50–99 are INSEE placeholders for an unknown month: nothing to compare.
    const m0 = nir.charCodeAt(3);
    const moisReel = m0 === 48 || m0 === 49;
    if (moisReel && (date.charCodeAt(5) !== m0 || date.charCodeAt(6) !== nir.charCodeAt(4))) {
      (violations ??= []).push({
        path: 'apprenti.nir',
        expected: 'mois de naissance aux 4e et 5e caractères du NIR',
        received: `${redact('nir', nir)} / ${redact('date', date)}`,
        message: 'Le mois de naissance indiqué ne correspond pas aux 4e et 5e chiffres du NIR',
      });
    }
    return violations ? fail(...violations) : PASSE;
  },
  plant(valid) {
    const nir = valid.apprenti.nir;
    const annee = (Number(nir.slice(1, 3)) + 1) % 100;
    return { payload: avec(valid, 'apprenti.nir', remplacerDansNir(nir, 1, String(annee).padStart(2, '0'))) };
  },
});
