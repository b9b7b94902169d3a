// The employer block carries every field the CERFA requires (norme.md §3.1, wire-format.md §1; seed 003: all CERFA data is sent).
import { defineRule } from '../rule.js';
import { requis, resultat, sans } from '../support/champs.js';

export default defineRule({
  id: 'cerfa-employeur-champs-obligatoires',
  title: 'Les champs obligatoires de l’employeur doivent être renseignés',
  requirements: ['CERFA-02', 'CERFA-04'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const e = cerfa.employeur;
    const a = e?.adresse;
    // privePublic is not sent by real software: typeEmployeur says it (cerfa-type-employeur).
    let v = requis(undefined, e?.siret, 'employeur.siret');
    v = requis(v, e?.denomination, 'employeur.denomination');
    v = requis(v, a?.adresse1, 'employeur.adresse.adresse1');
    v = requis(v, a?.codePostal, 'employeur.adresse.codePostal');
    v = requis(v, a?.commune, 'employeur.adresse.commune');
    v = requis(v, e?.telephone, 'employeur.telephone');
    v = requis(v, e?.courriel, 'employeur.courriel');
    v = requis(v, e?.typeEmployeur, 'employeur.typeEmployeur');
    v = requis(v, e?.naf, 'employeur.naf');
    v = requis(v, e?.nombreDeSalaries, 'employeur.nombreDeSalaries');
    return resultat(requis(v, e?.codeIdcc, 'employeur.codeIdcc'));
  },
  plant(valid) {
    return { payload: sans(valid, 'employeur.denomination') };
  },
});
