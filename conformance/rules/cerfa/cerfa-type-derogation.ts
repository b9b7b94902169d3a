// The derogation type, when given, is 11, 12, 21, 22, 50 or 60 (norme.md §3.1).
import { defineRule, fail, pass } from '../rule.js';
import { avec, champs } from '../identifiants/champs.js';
import { horsListe } from './verifications.js';

const CODES = champs('contrat.typeDerogation');
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
    const v = horsListe(cerfa, CODES, LISTE, ATTENDU);
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    return { payload: avec(valid, 'contrat.typeDerogation', 13) };
  },
});
