// Turns a valid initial contract into a coherent avenant for the plants of the avenant rules.
import { addMonths, formatIsoDate, monthOf, yearOf } from '../../remuneration/calendar.js';
import { eligibiliteParams } from './params.js';
import type { Cerfa } from '../../model/payloads.js';
import { date } from './plant.js';

/** The employer's département on 3 characters for a DECA number: its `departement`, else its postal code's (wire bodies send none). */
function departementDeca(cerfa: Cerfa): string {
  const dep = cerfa.employeur?.adresse?.departement ?? '';
  if (/^[0-9]{2}$/.test(dep) || /^2[AB]$/.test(dep)) return `0${dep}`;
  if (/^97[12346]$/.test(dep)) return dep;
  const cp = cerfa.employeur?.adresse?.codePostal ?? '';
  if (/^97[12346][0-9]{2}$/.test(cp)) return cp.slice(0, 3);
  if (/^[0-9]{5}$/.test(cp) && !cp.startsWith('20') && !cp.startsWith('00')) return `0${cp.slice(0, 2)}`;
  return '075';
}

/** A plausible DECA number (research §3.4: département on 3, year, month, 2 digits, 4 digits) for the previous contract. */
export function numeroDecaPlausible(cerfa: Cerfa): string {
  const debut = date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat');
  return `${departementDeca(cerfa)}${yearOf(debut)}${String(monthOf(debut)).padStart(2, '0')}000001`;
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
