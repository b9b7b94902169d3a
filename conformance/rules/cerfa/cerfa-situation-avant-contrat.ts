// The apprentice's situation before the contract is one of the 12 CERFA codes (norme.md §3.1).
import { defineRule } from '../rule.js';
import { avec, resultat } from '../support/champs.js';
import { dansListe, plage } from './verifications.js';

const LISTE = plage(1, 12);
const ATTENDU = 'code de 1 (scolaire) à 12 (inactif)';

export default defineRule({
  id: 'cerfa-situation-avant-contrat',
  title: 'La situation de l’apprenti avant le contrat doit être un code de 1 à 12',
  requirements: ['CERFA-21'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    return resultat(dansListe(undefined, cerfa.apprenti?.situationAvantContrat, 'apprenti.situationAvantContrat', LISTE, ATTENDU));
  },
  plant(valid) {
    return { payload: avec(valid, 'apprenti.situationAvantContrat', 13) };
  },
});
