// The employer's SIRET is the establishment where the contract is carried out, at its postal address (COH-31).
//
// Vade-mecum V2 (norme.md §2.1): the SIRET is the place of execution's, consistent with the postal address. Judged
// on the postal code against the SIRENE référentiel of the context. A warning: a postal address may differ from the
// establishment's geographic one (CEDEX codes, a commune with several codes), so no OPCO refusal is asserted.
// Unknown or closed establishments are siret-etablissement-actif's; without a référentiel the rule skips.
import { defineRule, fail, notApplicable, pass, skip } from '../rule.js';
import { factsOf } from '../support/facts.js';
import { actifLe, etablissement } from '../identifiants/sirene.js';

/** A postal code written `75 011`, `75011 ` or `75011` reads the same. */
const cp = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/g, '') : undefined);

export default defineRule<'cerfa'>({
  id: 'coherence-siret-adresse-employeur',
  title: "L'adresse de l'employeur devrait être celle de l'établissement SIRENE de son SIRET (lieu d'exécution du contrat)",
  requirements: ['COH-31'],
  severity: 'avertissement',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa, context) {
    if (!context.sirene) return skip('référentiel SIRENE non fourni (contexte sans sirene)');
    const e = etablissement(context.sirene, cerfa.employeur?.siret);
    if (!e) return skip("SIRET de l'employeur absent du référentiel SIRENE");
    if (!actifLe(e, factsOf(cerfa).conclusion)) return notApplicable('établissement fermé ou non encore créé (règle siret-etablissement-actif)');
    const attendu = cp(e.codePostal);
    const declare = cp(cerfa.employeur?.adresse?.codePostal);
    if (attendu === undefined || declare === undefined) return notApplicable("code postal de l'établissement ou de l'adresse absent");
    if (attendu === declare) return pass();
    return fail({
      path: 'employeur.adresse.codePostal',
      expected: `${attendu}${e.commune ? ` (${e.commune})` : ''}, le code postal de l'établissement ${cerfa.employeur.siret} dans SIRENE`,
      received: declare,
      message: "L'adresse de l'employeur n'est pas celle de l'établissement désigné par son SIRET : le SIRET doit être celui du lieu d'exécution du contrat",
    });
  },
  plant(valid, context) {
    // SIRENE places the employer's establishment in another town than the address the CERFA gives.
    const declare = cp(valid.employeur.adresse?.codePostal);
    const ailleurs = declare === '13002' ? { codePostal: '33000', commune: 'BORDEAUX' } : { codePostal: '13002', commune: 'MARSEILLE' };
    const sirene = context.sirene ?? { exhaustif: false, etablissements: {} };
    const actif = { etat: 'A' as const, dateCreation: '2000-01-03', diffusible: true, ...ailleurs };
    return { payload: valid, context: { ...context, sirene: { ...sirene, etablissements: { ...sirene.etablissements, [valid.employeur.siret]: actif } } } };
  },
});
