// Every 14-digit SIRET passes Luhn, or La Poste's digit-sum rule (norme.md §3.4; bal/api-apprentissage validators).
import { isValidSiret } from '../../identifiers/index.js';
import { defineRule, type Violation } from '../rule.js';
import { avec, cible, controle, resultat, texte } from '../support/champs.js';
import { CHAMPS_SIRET, quatorzeChiffres, type PayloadLache } from './chemins.js';

/** Malformed SIRETs belong to siret-format: this rule only judges the checksum of 14 digits. */
const cleValideOuHorsFormat = (s: string): boolean => isValidSiret(s) || !quatorzeChiffres(s);

const decrire = (path: string, r: unknown): Violation => ({
  path,
  expected: 'SIRET dont la clé de Luhn est juste',
  received: String(r),
  message: 'Le SIRET ne respecte pas l’algorithme de Luhn',
});

export default defineRule({
  id: 'siret-luhn',
  title: 'Le SIRET doit respecter l’algorithme de Luhn',
  requirements: ['ID-02'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa', 'facture', 'convention', 'certificat'],
  check(payload) {
    const p = payload as PayloadLache;
    let v = controle(undefined, p.employeur?.siret, 'employeur.siret', cleValideOuHorsFormat, decrire);
    v = controle(v, p.organismeFormation?.siret, 'organismeFormation.siret', cleValideOuHorsFormat, decrire);
    v = controle(v, p.organismeFormationLieuFormationPrincipal?.siret, 'organismeFormationLieuFormationPrincipal.siret', cleValideOuHorsFormat, decrire);
    const cr = p.certificatRealisation;
    if (cr) {
      v = controle(v, cr.employeur?.siret, 'certificatRealisation.employeur.siret', cleValideOuHorsFormat, decrire);
      v = controle(v, cr.organismeFormation?.siret, 'certificatRealisation.organismeFormation.siret', cleValideOuHorsFormat, decrire);
    }
    return resultat(v);
  },
  plant(valid) {
    const c = cible('siret-luhn', valid, CHAMPS_SIRET);
    const siret = texte(valid, c);
    const last = siret.charCodeAt(13) - 48;
    // One changed digit always breaks Luhn; the loop only matters for La Poste's digit-sum exception.
    for (let delta = 1; delta < 10; delta++) {
      const candidate = siret.slice(0, 13) + String((last + delta) % 10);
      if (!isValidSiret(candidate)) return { payload: avec(valid, c.path, candidate) };
    }
    throw new Error('siret-luhn: could not break the SIRET checksum');
  },
});
