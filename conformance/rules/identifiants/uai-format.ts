// Every UAI (CFA, training site) is 7 digits and a letter (CONTRAT formationSchema; norme.md §3.4).
import { defineRule, fail, pass } from '../rule.js';
import { avec, cible, texte, verifierTextes } from './champs.js';
import { CHAMPS_UAI } from './chemins.js';

const UAI = /^[0-9]{7}[A-Za-z]$/;
const estUai = (s: string): boolean => UAI.test(s);

export default defineRule({
  id: 'uai-format',
  title: 'Le code UAI doit comporter 7 chiffres suivis d’une lettre',
  requirements: ['ID-04'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa', 'facture', 'convention'],
  check(payload) {
    const v = verifierTextes(payload, CHAMPS_UAI, estUai, (c, r) => ({
      path: c.path,
      expected: '7 chiffres et une lettre',
      received: String(r),
    }));
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    const c = cible('uai-format', valid, CHAMPS_UAI);
    return { payload: avec(valid, c.path, `${texte(valid, c).slice(0, 7)}0`) };
  },
});
