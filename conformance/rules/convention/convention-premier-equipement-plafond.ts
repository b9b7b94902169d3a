// The first pedagogical equipment of the convention stays within its cap (500 € per contract).
import { plafondsFraisAnnexes } from '../../financing/index.js';
import { defineRule, fail, notApplicable, pass } from '../rule.js';
import { cents, copie, dossierDe, euros, nombre } from '../support/facturation.js';

export default defineRule<'convention'>({
  id: 'convention-premier-equipement-plafond',
  title: 'Le montant du premier équipement pédagogique ne peut excéder le plafond',
  requirements: ['CONV-08', 'FIN-19'],
  severity: 'bloquant',
  area: 'convention',
  appliesTo: ['convention'],
  check(convention, context) {
    const montant = nombre(convention.couts?.montantPremierEquipement);
    if (montant === undefined) return notApplicable('pas de premier équipement dans la convention');
    const dossier = dossierDe(context, convention.numeroInterneDossier);
    const date = dossier?.cerfa.contrat.dateConclusion ?? convention.contrat?.dateDebutContrat;
    const caps = typeof date === 'string' ? plafondsFraisAnnexes(date) : undefined;
    // The OPCO's own cap (detailsFacturation) when the dossier is known, never above the regulatory one.
    const plafonds = [caps?.premierEquipement, dossier?.detailsFacturation?.plafondFraisPremierEquipement].filter((p): p is number => p !== undefined);
    if (plafonds.length === 0) return notApplicable('pas de plafond de premier équipement connu à cette date');
    const plafond = Math.min(...plafonds);
    if (cents(montant) <= cents(plafond)) return pass();
    return fail({ path: 'couts.montantPremierEquipement', expected: `au plus ${euros(plafond)}`, received: euros(montant) });
  },
  plant(valid) {
    const payload = copie(valid);
    payload.couts.montantPremierEquipement = (plafondsFraisAnnexes(valid.contrat.dateDebutContrat)?.premierEquipement ?? 500) + 0.01;
    return { payload };
  },
});
