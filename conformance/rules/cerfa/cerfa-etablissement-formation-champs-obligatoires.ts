// A training site distinct from the CFA (memeResponsable = false) is identified like the CFA (norme.md §3.1).
import { defineRule } from '../rule.js';
import { avec, requis, resultat, sansObjet } from '../identifiants/champs.js';

const SANS_OBJET = sansObjet('pas d’établissement de formation déclaré');

export default defineRule({
  id: 'cerfa-etablissement-formation-champs-obligatoires',
  title: 'Le lieu de formation, s’il est distinct de l’organisme, doit être identifié',
  requirements: ['CERFA-10'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const e = cerfa.etablissementFormation;
    if (e === undefined || e === null) return SANS_OBJET;
    let v = requis(undefined, e.memeResponsable, 'etablissementFormation.memeResponsable');
    if (e.memeResponsable === false) {
      v = requis(v, e.siret, 'etablissementFormation.siret');
      v = requis(v, e.uaiCfa, 'etablissementFormation.uaiCfa');
      v = requis(v, e.denomination, 'etablissementFormation.denomination');
      v = requis(v, e.adresse?.voie, 'etablissementFormation.adresse.voie');
      v = requis(v, e.adresse?.codePostal, 'etablissementFormation.adresse.codePostal');
      v = requis(v, e.adresse?.commune, 'etablissementFormation.adresse.commune');
    }
    return resultat(v);
  },
  plant(valid) {
    return { payload: avec(valid, 'etablissementFormation', { memeResponsable: false }) };
  },
});
