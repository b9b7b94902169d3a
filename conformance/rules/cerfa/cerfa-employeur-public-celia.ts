// An employer whose legal category is public (administrative law) files its contract on CELIA, not with an OPCO (CERFA-29).
//
// The Mission apprentissage form (norme.md §3.2 S2) tells such an employer, from its SIRET's legal category, to go to
// CELIA: an information, not an error. Public here: INSEE catégorie juridique of level 1 « 7 » (personne morale et
// organisme soumis au droit administratif: State, local authorities, public administrative bodies); EPICs (4…) and
// private bodies are the OPCOs' (our reading of the nomenclature). Needs the SIRENE référentiel; without it: skip.
import { defineRule, fail, notApplicable, pass, skip } from '../rule.js';
import { etablissement } from '../identifiants/sirene.js';

export default defineRule<'cerfa'>({
  id: 'cerfa-employeur-public-celia',
  title: "Un employeur public (catégorie juridique administrative) dépose son contrat sur CELIA, pas auprès d'un OPCO",
  requirements: ['CERFA-29'],
  severity: 'information',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa, context) {
    if (!context.sirene) return skip('référentiel SIRENE non fourni (contexte sans sirene)');
    const e = etablissement(context.sirene, cerfa.employeur?.siret);
    if (!e) return skip("SIRET de l'employeur absent du référentiel SIRENE");
    const categorie = e.categorieJuridique;
    if (typeof categorie !== 'string' || categorie === '') return notApplicable('catégorie juridique inconnue');
    if (!categorie.startsWith('7')) return pass();
    return fail({
      path: 'employeur.siret',
      expected: "un employeur relevant d'un OPCO (catégorie juridique hors droit administratif)",
      received: `${cerfa.employeur.siret} (catégorie juridique ${categorie})`,
      message: "La catégorie juridique de l'employeur relève du secteur public : son contrat se dépose sur CELIA, pas auprès de l'OPCO",
    });
  },
  plant(valid, context) {
    // SIRENE files the employer's legal unit as a commune (7210).
    const sirene = context.sirene ?? { exhaustif: false, etablissements: {} };
    const commune = { etat: 'A' as const, dateCreation: '1983-03-01', diffusible: true, codePostal: valid.employeur.adresse?.codePostal, categorieJuridique: '7210' };
    return { payload: valid, context: { ...context, sirene: { ...sirene, etablissements: { ...sirene.etablissements, [valid.employeur.siret]: commune } } } };
  },
});
