// The contract type is 11 (first contract), 21–23 (successions) or 31–38 (avenants) (norme.md §3.1).
import { defineRule, fail, pass } from '../rule.js';
import { avec, champs } from '../identifiants/champs.js';
import { horsListe, plage } from './verifications.js';

const CODES = champs('contrat.typeContratApp');
const LISTE = plage(31, 38, 11, 21, 22, 23);
const ATTENDU = '11, 21, 22, 23 ou 31 à 38';

export default defineRule({
  id: 'cerfa-type-contrat',
  title: 'Le type de contrat ou d’avenant doit être un code de la liste du CERFA',
  requirements: ['CERFA-25'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const v = horsListe(cerfa, CODES, LISTE, ATTENDU);
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    return { payload: avec(valid, 'contrat.typeContratApp', 12) };
  },
});
