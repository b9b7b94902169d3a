// Every SIRET of a payload is 14 digits (Mission apprentissage control S1; norme.md §3.4).
import { defineRule, type Violation } from '../rule.js';
import { avec, cible, controle, recu, resultat, texte } from '../support/champs.js';
import { CHAMPS_SIRET, quatorzeChiffres, type PayloadLache } from './chemins.js';

const decrire = (path: string, r: unknown): Violation => ({ path, expected: '14 chiffres', received: recu(path, r) });

export default defineRule({
  id: 'siret-format',
  title: 'Le SIRET doit comporter 14 chiffres',
  requirements: ['ID-01'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa', 'facture', 'convention', 'certificat'],
  check(payload) {
    const p = payload as PayloadLache;
    let v = controle(undefined, p.employeur?.siret, 'employeur.siret', quatorzeChiffres, decrire);
    v = controle(v, p.organismeFormation?.siret, 'organismeFormation.siret', quatorzeChiffres, decrire);
    v = controle(v, p.organismeFormationLieuFormationPrincipal?.siret, 'organismeFormationLieuFormationPrincipal.siret', quatorzeChiffres, decrire);
    const cr = p.certificatRealisation;
    if (cr) {
      v = controle(v, cr.employeur?.siret, 'certificatRealisation.employeur.siret', quatorzeChiffres, decrire);
      v = controle(v, cr.organismeFormation?.siret, 'certificatRealisation.organismeFormation.siret', quatorzeChiffres, decrire);
    }
    return resultat(v);
  },
  plant(valid) {
    const c = cible('siret-format', valid, CHAMPS_SIRET);
    return { payload: avec(valid, c.path, texte(valid, c).slice(0, 13)) };
  },
});
