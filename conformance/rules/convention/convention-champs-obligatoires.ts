// The convention de formation carries the fields the API requires (Opcovia façade, research §1.10).
import { defineRule, fail, pass } from '../rule.js';
import { champsManquants, copie, supprimer } from '../support/facturation.js';

export const CHAMPS_CONVENTION = [
  'numeroInterneDossier',
  'employeur.siret',
  'apprenti.nom',
  'apprenti.prenom',
  'contrat.dateDebutContrat',
  'contrat.dateFinContrat',
  'organismeFormation.siret',
  'formation.dateDebutFormation',
  'formation.dateFinFormation',
  'formation.dureeFormation',
  'couts.coutTotalPedagogieCFA',
  'mandatEmployeur',
  'dateSignature',
  'attestationConventionSigneeEntreprise',
  'attestationConventionSigneeCFA',
] as const;

export default defineRule<'convention'>({
  id: 'convention-champs-obligatoires',
  title: 'Les champs obligatoires de la convention de formation doivent être renseignés',
  requirements: ['CONV-01'],
  severity: 'bloquant',
  area: 'convention',
  appliesTo: ['convention'],
  check(convention) {
    const manquants = champsManquants(convention, CHAMPS_CONVENTION);
    if (manquants.length === 0) return pass();
    return fail(...manquants.map((path) => ({ path, expected: 'une valeur renseignée', received: 'absent' })));
  },
  plant(valid) {
    const payload = copie(valid);
    supprimer(payload, 'apprenti.prenom');
    return { payload };
  },
});
