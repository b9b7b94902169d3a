// The employer type is 11–16 (private) or 21–30 (public, 30 EPIC); a privePublic sent beside it must agree with it.
import { defineRule, fail } from '../rule.js';
import { avec, PASSE, resultat } from '../support/champs.js';
import { dansListe, plage } from './verifications.js';

const PRIVE = plage(11, 16);
const PUBLIC = plage(21, 30);
const TOUS = plage(21, 30, 11, 12, 13, 14, 15, 16);

export default defineRule({
  id: 'cerfa-type-employeur',
  title: 'Le type d’employeur doit être un code de la liste du CERFA, cohérent avec le caractère privé ou public s’il est transmis',
  requirements: ['CERFA-17'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const type: unknown = cerfa.employeur?.typeEmployeur;
    const horsListe = dansListe(undefined, type, 'employeur.typeEmployeur', TOUS, '11 à 16 (employeur privé) ou 21 à 30 (employeur public)');
    if (horsListe) return resultat(horsListe);
    // Absent privePublic: the type alone says private or public, nothing to compare.
    const prive: unknown = cerfa.employeur?.privePublic;
    if (typeof type !== 'number' || typeof prive !== 'boolean') return PASSE;
    if (prive ? PRIVE.has(type) : PUBLIC.has(type)) return PASSE;
    return fail({
      path: 'employeur.typeEmployeur',
      expected: prive ? '11 à 16 pour un employeur privé (privePublic: true)' : '21 à 30 pour un employeur public (privePublic: false)',
      received: String(type),
      message: 'Le type d’employeur contredit le caractère privé ou public transmis (privePublic)',
    });
  },
  plant(valid) {
    return { payload: avec(valid, 'employeur.typeEmployeur', 17) };
  },
});
