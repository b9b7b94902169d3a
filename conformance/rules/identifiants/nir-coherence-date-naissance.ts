// The NIR's year (characters 2–3) and month (4–5) match the birth date (Mission apprentissage control N2).
import { redact } from '../../identifiers/index.js';
import { defineRule, fail, notApplicable, pass, type Violation } from '../rule.js';
import { avec } from './champs.js';
import { nirApprenti, remplacerDansNir } from './nir-outils.js';

const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

export default defineRule({
  id: 'nir-coherence-date-naissance',
  title: 'L’année et le mois de naissance doivent correspondre aux 2e à 5e chiffres du NIR',
  requirements: ['ID-10'],
  severity: 'avertissement',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const nir = nirApprenti(cerfa);
    const date = cerfa.apprenti?.dateNaissance;
    if (nir === null || typeof date !== 'string' || !DATE.test(date)) {
      return notApplicable('NIR ou date de naissance absent ou mal formé');
    }
    let violations: Violation[] | undefined;
    // Compare characters in place: no substring on the pass path.
    if (date.charCodeAt(2) !== nir.annee.charCodeAt(0) || date.charCodeAt(3) !== nir.annee.charCodeAt(1)) {
      (violations ??= []).push({
        path: 'apprenti.nir',
        expected: 'année de naissance (2 derniers chiffres) aux 2e et 3e caractères du NIR',
        received: `${redact('nir', cerfa.apprenti.nir)} / ${redact('date', date)}`,
        message: 'L’année de naissance indiquée ne correspond pas aux 2e et 3e chiffres du NIR',
      });
    }
    // INSEE placeholder months (20–42, 50–99) stand for an unknown month: nothing to compare.
    const moisReel = nir.mois.charCodeAt(0) === 48 || nir.mois === '10' || nir.mois === '11' || nir.mois === '12';
    if (moisReel && (date.charCodeAt(5) !== nir.mois.charCodeAt(0) || date.charCodeAt(6) !== nir.mois.charCodeAt(1))) {
      (violations ??= []).push({
        path: 'apprenti.nir',
        expected: 'mois de naissance aux 4e et 5e caractères du NIR',
        received: `${redact('nir', cerfa.apprenti.nir)} / ${redact('date', date)}`,
        message: 'Le mois de naissance indiqué ne correspond pas aux 4e et 5e chiffres du NIR',
      });
    }
    return violations ? fail(...violations) : pass();
  },
  plant(valid) {
    const nir = valid.apprenti.nir;
    const annee = (Number(nir.slice(1, 3)) + 1) % 100;
    return { payload: avec(valid, 'apprenti.nir', remplacerDansNir(nir, 1, String(annee).padStart(2, '0'))) };
  },
});
