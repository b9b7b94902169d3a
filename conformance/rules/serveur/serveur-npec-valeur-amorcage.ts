// A certification without an NPEC is committed at the valeur d'amorçage of its level in force at the date of conclusion (−20 % at distance).
import type { Echeance } from '../../model/dossier.js';
import { financerContrat, montantAnnuel, valeurAmorcage } from '../../financing/index.js';
import { defineRule, fail, notApplicable, skip, verdict, type RuleResult } from '../rule.js';
import { cents, contratLu, selonFinancement } from './financement-lu.js';
import { judgedBy, notListed, show, valueAt, withResponse } from './support.js';

const ID = 'serveur-npec-valeur-amorcage';

/**
 * Listed on a step that reads the dossier of a certification the scenario knows to have no NPEC (a code no
 * référentiel holds): the pedagogical amounts committed must add up to the schedule of the valeur d'amorçage of the
 * certification's level (`formation.typeDiplome`) in force at the date of conclusion (arrêté of 31 August 2022
 * from 2022-09-01, conformance/data/financement.yaml), minored by 20 % (floor 4 000 €) when at least 80 % of the
 * training hours are at distance for a contract concluded from 2025-07-01, less the employer participation. Only
 * totals are compared: the split is serveur-echeancier-repartition's.
 */
function juger(body: unknown): RuleResult {
  const etat = valueAt(body, 'cerfa.etat');
  if (etat !== 'ENGAGE' && etat !== 'SOLDE') return notApplicable(`état ${show(etat)} : le montant engagé n'est jugé que sur un dossier engagé`);
  const lu = contratLu(body);
  const lues = valueAt(body, 'echeances') as Echeance[] | undefined;
  if (!lu || !Array.isArray(lues) || lues.length === 0) return fail({ path: 'echeances', expected: 'un échéancier', received: show(lues) });
  const niveau = lu.contrat.niveauCertification;
  if (niveau === undefined) return skip(`niveau de la certification inconnu (formation.typeDiplome ${show(valueAt(body, 'cerfa.formation.typeDiplome'))})`);
  const { dateConclusion } = lu.contrat;
  const amorcage = valeurAmorcage(niveau, dateConclusion);
  if (amorcage === undefined) return skip(`aucune valeur d'amorçage connue pour le niveau ${niveau} au ${dateConclusion}`);
  return selonFinancement(() => {
    const annuel = montantAnnuel(amorcage, { dateConclusion, distanciel80: lu.distanciel80 });
    const { echeances, participation } = financerContrat({ ...lu.contrat, npecAnnuel: annuel, majorationRQTHAnnuelle: 0 });
    const attendu = echeances.reduce((s, e) => s + cents(e.montantPedagogique), 0);
    const recu = lues.reduce((s, e) => s + cents(e.montantPedagogique), 0);
    // Each échéance is rounded to the cent on its own: one cent each at most.
    if (Math.abs(recu - attendu) <= Math.max(1, lues.length)) return verdict([]);
    const notes = [
      `valeur d'amorçage du niveau ${niveau} au ${dateConclusion} : ${amorcage} €`,
      ...(annuel !== amorcage ? [`minorée à ${annuel} € (formation à distance à 80 % au moins)`] : []),
      ...(participation.montant > 0 ? [`participation de l'employeur de ${participation.montant} € déduite`] : []),
    ];
    return fail({ path: 'echeances[].montantPedagogique', expected: `${(attendu / 100).toFixed(2)} au total (${notes.join(', ')})`, received: (recu / 100).toFixed(2) });
  });
}

export default defineRule({
  id: ID,
  title:
    "Sans niveau de prise en charge fixé, l'OPCO engage la valeur d'amorçage du niveau de la certification en vigueur à la date de conclusion, minorée de 20 % pour une formation à distance",
  requirements: ['FIN-21', 'FIN-11'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) => (judgedBy(echange, ID) ? juger(echange.response.body) : notListed(ID)),
  plant: (valid) => {
    // The same contract committed 10 % higher: an amount no valeur d'amorçage of that date gives.
    const body = structuredClone(valid.response.body) as { echeances?: Echeance[] };
    for (const e of body.echeances ?? []) {
      e.montantPedagogique = Math.round(e.montantPedagogique * 110) / 100;
      e.montantTotal = Math.round((e.montantPedagogique + e.montantMajorationRQTH) * 100) / 100;
    }
    return { payload: withResponse(valid, ID, { body }) };
  },
});
