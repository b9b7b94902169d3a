// The derogation type, when given, is 11, 12, 21, 22, 50 or 60 (norme.md §3.1).
import { defineRule } from '../rule.js';
import { avec, resultat } from '../support/champs.js';
import { dansListe } from './verifications.js';

const LISTE = new Set([11, 12, 21, 22, 50, 60]);
const ATTENDU = '11, 12, 21, 22, 50 ou 60';

export default defineRule({
  id: 'cerfa-type-derogation',
  title: 'Le type de dérogation doit être un code de la liste du CERFA',
  requirements: ['CERFA-26'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    return resultat(dansListe(undefined, cerfa.contrat?.typeDerogation, 'contrat.typeDerogation', LISTE, ATTENDU));
  },
  plant(valid) {
    return { payload: avec(valid, 'contrat.typeDerogation', 13) };
  },
});
