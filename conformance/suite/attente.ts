// A scenario's waits as conditions (issue 18 §2): the day a calendar condition comes true, and the échéance a
// scenario invoices (the first one neither paid nor in instruction), so a wait is never a blind "one month later".
import { addDuration, isoDay } from '../../mocks/clock.js';
import type { DossierLu, Echeance } from '../model/dossier.js';
import type { WaitSpec } from './scenario.js';

/** An échéance nothing was invoiced on yet: neither paid nor in instruction. */
export const estLibre = (e: Echeance): boolean => Number(e.montantRegle ?? 0) === 0 && Number(e.montantEnCoursInstruction ?? 0) === 0;

/**
 * The échéance a scenario invoices: the first free one already open on `today`, else the first free one (which opens
 * later: the wait before the invoice is for its opening). Undefined when every échéance was invoiced.
 */
export function echeanceLibre(dossier: DossierLu, today: string): Echeance | undefined {
  const libres = dossier.echeances.filter(estLibre);
  return libres.find((e) => e.dateOuverture <= today) ?? libres[0];
}

/** A calendar condition: the day from which it holds, and what it waits for (in French, for the report). */
export interface JourAttendu {
  jour: string;
  quoi: string;
}

/**
 * The day a wait's calendar condition holds: `date` (+ `plus`), or the opening of the échéance named by `ouverture`
 * (`dossier`: the échéance the scenario invoices; `dossier 4`: échéance 4). Undefined for a wait on a state alone.
 */
export function jourAttendu(wait: WaitSpec, render: (template: string) => unknown, dossierCapture: (name: string) => DossierLu, numeroLibre: (capture: string) => number): JourAttendu | undefined {
  if (wait.date !== undefined) {
    const raw = String(render(wait.date)).slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) throw new Error(`attente : « ${wait.date} » n'est pas une date (${raw})`);
    const jour = wait.plus ? isoDay(addDuration(new Date(`${raw}T00:00:00Z`), wait.plus)) : raw;
    return { jour, quoi: wait.plus ? `le ${wait.plus} après le ${raw}` : `le ${raw}` };
  }
  if (wait.ouverture !== undefined) {
    const [capture = '', numeroTexte] = wait.ouverture.trim().split(/\s+/);
    const dossier = dossierCapture(capture);
    const numero = numeroTexte === undefined ? numeroLibre(capture) : Number(numeroTexte);
    const echeance = dossier.echeances.find((e) => e.numero === numero);
    if (!echeance) throw new Error(`attente : le dossier « ${capture} » n'a pas d'échéance ${numero}`);
    return { jour: echeance.dateOuverture.slice(0, 10), quoi: `l'ouverture de l'échéance ${numero} à la facturation` };
  }
  return undefined;
}
