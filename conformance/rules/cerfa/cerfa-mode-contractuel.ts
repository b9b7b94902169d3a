// The contract mode is 1 (limited term), 2 (CDI), 3 (temporary work) or 4 (seasonal, two employers) (norme.md §3.1).
import { defineRule } from '../rule.js';
import { avec, resultat } from '../support/champs.js';
import { dansListe, plage } from './verifications.js';

const LISTE = plage(1, 4);
const ATTENDU = '1 durée limitée, 2 durée indéterminée, 3 travail temporaire, 4 activités saisonnières à deux employeurs';

export default defineRule({
  id: 'cerfa-mode-contractuel',
  title: 'Le mode contractuel doit être codé de 1 à 4',
  requirements: ['CERFA-24'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    return resultat(dansListe(undefined, cerfa.contrat?.modeContractuel, 'contrat.modeContractuel', LISTE, ATTENDU));
  },
  plant(valid) {
    return { payload: avec(valid, 'contrat.modeContractuel', 5) };
  },
});
