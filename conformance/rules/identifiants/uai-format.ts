// Every UAI (CFA, training site) is 7 digits and a letter (CONTRAT formationSchema; norme.md §3.4).
import { defineRule, type Violation } from '../rule.js';
import { avec, cible, controle, resultat, texte } from '../support/champs.js';
import { CHAMPS_UAI, formeUai, type PayloadLache } from './chemins.js';

const decrire = (path: string, r: unknown): Violation => ({ path, expected: '7 chiffres et une lettre', received: String(r) });

export default defineRule({
  id: 'uai-format',
  title: 'Le code UAI doit comporter 7 chiffres suivis d’une lettre',
  requirements: ['ID-04'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa', 'facture', 'convention'],
  check(payload) {
    const p = payload as PayloadLache;
    const v = controle(undefined, p.organismeFormation?.uaiCfa, 'organismeFormation.uaiCfa', formeUai, decrire);
    return resultat(controle(v, p.organismeFormationLieuFormationPrincipal?.uaiCfa, 'organismeFormationLieuFormationPrincipal.uaiCfa', formeUai, decrire));
  },
  plant(valid) {
    const c = cible('uai-format', valid, CHAMPS_UAI);
    return { payload: avec(valid, c.path, `${texte(valid, c).slice(0, 7)}0`) };
  },
});
