// The training organisation (CFA) is identified: SIRET, UAI, name and address (norme.md §3.1).
import { defineRule } from '../rule.js';
import { requis, resultat, sans } from '../support/champs.js';

export default defineRule({
  id: 'cerfa-organisme-formation-champs-obligatoires',
  title: 'Les champs obligatoires de l’organisme de formation doivent être renseignés',
  requirements: ['CERFA-02', 'CERFA-09'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const o = cerfa.organismeFormation;
    const a = o?.adresse;
    let v = requis(undefined, o?.siret, 'organismeFormation.siret');
    v = requis(v, o?.uaiCfa, 'organismeFormation.uaiCfa');
    v = requis(v, o?.denomination, 'organismeFormation.denomination');
    v = requis(v, a?.adresse1, 'organismeFormation.adresse.adresse1');
    v = requis(v, a?.codePostal, 'organismeFormation.adresse.codePostal');
    return resultat(requis(v, a?.commune, 'organismeFormation.adresse.commune'));
  },
  plant(valid) {
    return { payload: sans(valid, 'organismeFormation.denomination') };
  },
});
