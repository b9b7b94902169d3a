// After a mid-year rupture the rupture year is financed pro rata: nothing due opens or ends after the rupture, and the
// total is prorataRupture's for the commitment read before the rupture (the step gives it: `@engagementAvantRupture`).
import type { Echeance } from '../../model/dossier.js';
import { computeEcheancier, FinancementError, prorataRupture, type EcheancierInput } from '../../financing/index.js';
import { defineRule, fail, notApplicable, verdict, type RuleResult, type Violation } from '../rule.js';
import { judgedBy, notListed, show, valueAt, withResponse } from './support.js';

const ID = 'serveur-rupture-montant-prorata';
/** The key of a step's `champs` that gives the commitment read before the rupture. */
export const ENGAGEMENT_AVANT = '@engagementAvantRupture';
const cents = (v: unknown): number => Math.round(Number(v ?? 0) * 100);
const jour = (v: unknown): string | undefined => (typeof v === 'string' ? v.slice(0, 10) : undefined);

function entree(contrat: Record<string, string>, npec: number, premier: Echeance): EcheancierInput {
  const { dateConclusion = '', dateDebutContrat = '', dateFinContrat = '' } = contrat;
  return { dateConclusion, dateDebutContrat, dateFinContrat, npecAnnuel: npec, majorationRQTHAnnuelle: 0, iban: premier.iban, siret: premier.siret };
}

/**
 * The total after the rupture for a commitment of `engagement` before it: the library's amounts are linear in the
 * annual amount (NPEC plus majoration, both prorated alike), so a unit schedule scales to the commitment.
 */
function totalAttendu(contrat: Record<string, string>, rupture: string, engagement: number, premier: Echeance): number {
  const unite = entree(contrat, 10_000, premier);
  const avant = computeEcheancier(unite);
  const apres = prorataRupture(avant, rupture, unite);
  const somme = (l: Echeance[]): number => l.reduce((s, e) => s + cents(e.montantTotal), 0);
  return Math.round((somme(apres) * cents(engagement)) / somme(avant));
}

function juger(body: unknown, engagementAvant: unknown): RuleResult {
  const contrat = valueAt(body, 'cerfa.contrat') as Record<string, string> | undefined;
  const rupture = jour(contrat?.dateRupture);
  if (!contrat || rupture === undefined) return notApplicable('pas de date de rupture (jugé par serveur-rupture-prorata)');
  const lues = valueAt(body, 'echeances') as Echeance[] | undefined;
  if (!Array.isArray(lues) || lues.length === 0) return fail({ path: 'echeances', expected: "l'échéancier au prorata de la rupture", received: show(lues) });
  const violations: Violation[] = [];
  // What is still due after the rupture opens by the rupture date and ends there (the balance is due at once).
  lues.forEach((e, i) => {
    const paye = cents(e.montantRegle) + cents(e.montantEnCoursInstruction) > 0;
    if (cents(e.montantTotal) === 0 || paye) return;
    const ouverture = jour(e.dateOuverture);
    if (ouverture !== undefined && ouverture > rupture) violations.push({ path: `echeances[${i}].dateOuverture`, expected: `au plus tard le ${rupture} (date de rupture)`, received: ouverture });
  });
  if (typeof engagementAvant === 'number' && engagementAvant > 0) {
    try {
      const attendu = totalAttendu(contrat, rupture, engagementAvant, lues[0]!);
      const recu = lues.reduce((s, e) => s + cents(e.montantTotal), 0);
      // Rounding of each échéance (pédagogique and RQTH apart): a few cents.
      if (Math.abs(recu - attendu) > 2 * lues.length) {
        violations.push({ path: 'echeances[].montantTotal', expected: `${(attendu / 100).toFixed(2)} au total (engagement de ${engagementAvant} ramené au prorata du ${rupture})`, received: (recu / 100).toFixed(2) });
      }
    } catch (error) {
      if (!(error instanceof FinancementError)) throw error;
      violations.push({ path: 'cerfa.contrat', expected: 'des dates permettant un échéancier', received: error.message });
    }
  }
  return verdict(violations);
}

export default defineRule({
  id: ID,
  title: "Après une rupture en cours d'année, le montant de l'année de rupture est ramené au prorata de la date de rupture",
  requirements: ['SRV-15', 'CDV-19'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) => (judgedBy(echange, ID) ? juger(echange.response.body, echange.expected?.champs?.[ENGAGEMENT_AVANT]) : notListed(ID)),
  plant: (valid) => {
    const body = valid.response.body as { cerfa: { contrat: { dateDebutContrat: string; dateFinContrat: string; dateConclusion: string } } };
    const contrat = body.cerfa.contrat;
    const entier = computeEcheancier({ ...contrat, npecAnnuel: 7000, majorationRQTHAnnuelle: 0, iban: 'FR7630006000011234567890189', siret: '85300000800005' });
    // The rupture year kept whole: every échéance of the first year, none prorated.
    const annee = entier.filter((e) => e.dateDebut === contrat.dateDebutContrat);
    return { payload: withResponse(valid, ID, { body: { ...body, engagement: annee.reduce((s, e) => s + e.montantTotal, 0), echeances: annee } }) };
  },
});
