// The contract type is 11 (first contract), 21–23 (successions) or 31–38 (avenants) (norme.md §3.1).
import { defineRule } from '../rule.js';
import { avec, resultat } from '../support/champs.js';
import { dansListe, plage } from './verifications.js';

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
    return resultat(dansListe(undefined, cerfa.contrat?.typeContratApp, 'contrat.typeContratApp', LISTE, ATTENDU));
  },
  plant(valid) {
    return { payload: avec(valid, 'contrat.typeContratApp', 12) };
  },
});
