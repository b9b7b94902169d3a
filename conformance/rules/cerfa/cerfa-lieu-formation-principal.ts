// A main training site other than the organisme (lieuFormationIdentique false) is identified: name, SIRET, address (wire-format.md §1).
import { defineRule, type Violation } from '../rule.js';
import { avec, requis, resultat, sansObjet } from '../support/champs.js';

const SANS_OBJET = sansObjet('la formation a lieu chez l’organisme de formation (lieuFormationIdentique différent de false)');
const P = 'organismeFormationLieuFormationPrincipal';

export default defineRule({
  id: 'cerfa-lieu-formation-principal',
  title: 'Le lieu principal de formation, s’il n’est pas l’organisme de formation, doit être identifié',
  requirements: ['CERFA-10'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    if (cerfa.organismeFormation?.lieuFormationIdentique !== false) return SANS_OBJET;
    const l = cerfa.organismeFormationLieuFormationPrincipal;
    if (l === undefined || l === null || typeof l !== 'object') {
      const v: Violation = { path: P, expected: 'le lieu principal de formation (dénomination, SIRET, adresse)', received: 'absent', message: `Le champ ${P} est obligatoire quand lieuFormationIdentique vaut false` };
      return resultat([v]);
    }
    let v = requis(undefined, l.denomination, `${P}.denomination`);
    v = requis(v, l.siret, `${P}.siret`);
    v = requis(v, l.adresse?.adresse1, `${P}.adresse.adresse1`);
    v = requis(v, l.adresse?.codePostal, `${P}.adresse.codePostal`);
    return resultat(requis(v, l.adresse?.commune, `${P}.adresse.commune`));
  },
  plant(valid) {
    const payload = avec(valid, 'organismeFormation.lieuFormationIdentique', false);
    return { payload: avec(payload, P, { denomination: 'Plateau technique des métiers' }) };
  },
});
