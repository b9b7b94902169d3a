// The contract mode is 1 (limited term), 2 (CDI), 3 (temporary work) or 4 (seasonal, two employers) (norme.md §3.1).
import { defineRule, fail, pass } from '../rule.js';
import { avec, champs } from '../identifiants/champs.js';
import { horsListe, plage } from './verifications.js';

const CODES = champs('contrat.modeContractuel');
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
    const v = horsListe(cerfa, CODES, LISTE, ATTENDU);
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    return { payload: avec(valid, 'contrat.modeContractuel', 5) };
  },
});
