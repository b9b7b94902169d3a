// The employer type is 11–16 for a private employer and 21–29 for a public one, consistent with privePublic (norme.md §3.1).
import { defineRule, fail } from '../rule.js';
import { avec, PASSE, resultat } from '../identifiants/champs.js';
import { dansListe, plage } from './verifications.js';

const PRIVE = plage(11, 16);
const PUBLIC = plage(21, 29);
const TOUS = plage(21, 29, 11, 12, 13, 14, 15, 16);

export default defineRule({
  id: 'cerfa-type-employeur',
  title: 'Le type d’employeur doit être un code de la liste du CERFA, cohérent avec le caractère privé ou public',
  requirements: ['CERFA-17'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const type: unknown = cerfa.employeur?.typeEmployeur;
    const horsListe = dansListe(undefined, type, 'employeur.typeEmployeur', TOUS, '11 à 16 (employeur privé) ou 21 à 29 (employeur public)');
    if (horsListe) return resultat(horsListe);
    const prive: unknown = cerfa.employeur?.privePublic;
    if (typeof type !== 'number' || typeof prive !== 'boolean') return PASSE;
    if (prive ? PRIVE.has(type) : PUBLIC.has(type)) return PASSE;
    return fail({
      path: 'employeur.typeEmployeur',
      expected: prive ? '11 à 16 pour un employeur privé' : '21 à 29 pour un employeur public',
      received: String(type),
      message: 'Le type d’employeur ne correspond pas au caractère privé ou public de l’employeur',
    });
  },
  plant(valid) {
    return { payload: avec(valid, 'employeur.typeEmployeur', 17) };
  },
});
