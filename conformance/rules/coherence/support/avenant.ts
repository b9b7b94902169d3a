// Turns a valid initial contract into a coherent avenant for the plants of the avenant rules.
import { addMonths, formatIsoDate, monthOf, yearOf } from '../../../remuneration/calendar.js';
import { eligibiliteParams } from '../../eligibilite/support/params.js';
import type { Cerfa } from '../../../model/payloads.js';
import { date } from './plant.js';

/** A plausible DECA number (research §3.4: département on 3, year, month, 2 digits, 4 digits) for the previous contract. */
export function numeroDecaPlausible(cerfa: Cerfa): string {
  const dep = cerfa.employeur?.adresse?.departement ?? '';
  const departement = /^[0-9]{2}$/.test(dep) ? `0${dep}` : /^2[AB]$/.test(dep) ? `0${dep}` : /^97[12346]$/.test(dep) ? dep : '075';
  const debut = date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat');
  return `${departement}${yearOf(debut)}${String(monthOf(debut)).padStart(2, '0')}000001`;
}

/** Type 36 ("autres changements"), effective one month after the start (within the contract). Mutates `cerfa`. */
export function enAvenant(cerfa: Cerfa): void {
  const debut = date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat');
  const fin = date(cerfa.contrat.dateFinContrat, 'contrat.dateFinContrat');
  cerfa.contrat.typeContratApp = 36;
  cerfa.contrat.numeroContratPrecedent = numeroDecaPlausible(cerfa);
  cerfa.contrat.dateEffetAvenant = formatIsoDate(Math.min(addMonths(debut, 1), fin));
}

/**
 * Makes an avenant a plain first contract (type 11, no previous number or effective date, concluded no later than
 * its start), for the plants of rules that only apply to contracts. Leaves other contracts unchanged. Mutates.
 */
export function enContratInitial(cerfa: Cerfa): void {
  if (!eligibiliteParams().typesAvenant.has(cerfa.contrat.typeContratApp)) return;
  cerfa.contrat.typeContratApp = 11;
  delete cerfa.contrat.numeroContratPrecedent;
  delete cerfa.contrat.dateEffetAvenant;
  const debut = date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat');
  if (date(cerfa.contrat.dateConclusion, 'contrat.dateConclusion') > debut) cerfa.contrat.dateConclusion = formatIsoDate(debut);
}
