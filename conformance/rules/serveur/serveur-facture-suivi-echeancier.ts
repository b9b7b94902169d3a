// FACT-14/17/23: every échéancier read gives the FAQ's fields with coherent amounts; an invoice being processed shows en cours.
import type { Echange } from '../../model/payloads.js';
import { defineRule, notApplicable, verdict, type Violation } from '../rule.js';
import { copie, isObject, judgedBy, show, valueAt } from './support.js';

const ID = 'serveur-facture-suivi-echeancier';
const MONTANTS = ['montantTotal', 'montantPedagogique', 'montantMajorationRQTH', 'montantRegle', 'montantEnCoursInstruction'] as const;
/** After a rupture, an échéance paid but no longer due keeps its payment over a lowered total (the overpayment shows). */
const RUPTURE: readonly unknown[] = ['RUPTURE', 'RUPTU'];

const cents = (v: unknown): number => Math.round(Number(v) * 100);
const estNombre = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A dossier read back (GET by numeroInterne, or the dossier a rupture answers): its échéancier, else undefined. */
function echeancierLu(echange: Echange): unknown[] | undefined {
  const { status, body } = echange.response;
  if (status !== 200 && status !== 201) return undefined;
  if (!isObject(body) || !isObject(body.cerfa) || !Array.isArray(body.echeances)) return undefined;
  return body.echeances;
}

/** FACT-14: the FAQ's fields of an échéance; FACT-23: amounts ≥ 0, paid + being processed ≤ total. */
function coherence(e: unknown, i: number, rupture: boolean): Violation[] {
  const path = `echeances[${i}]`;
  if (!isObject(e)) return [{ path, expected: 'une échéance', received: show(e) }];
  const violations: Violation[] = [];
  if (!Number.isInteger(e.numero)) violations.push({ path: `${path}.numero`, expected: "le numéro d'échéance", received: show(e.numero) });
  if (typeof e.dateOuverture !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(e.dateOuverture)) violations.push({ path: `${path}.dateOuverture`, expected: "la date d'ouverture à la facturation", received: show(e.dateOuverture) });
  for (const cle of ['dateDebut', 'dateFin'] as const) {
    if (!(cle in e) || (e[cle] !== null && typeof e[cle] !== 'string')) violations.push({ path: `${path}.${cle}`, expected: 'la période de facturation (date ou null)', received: show(e[cle]) });
  }
  for (const cle of MONTANTS) {
    if (!estNombre(e[cle]) || e[cle] < 0) violations.push({ path: `${path}.${cle}`, expected: 'un montant positif ou nul', received: show(e[cle]) });
  }
  if (!rupture && violations.length === 0 && cents(e.montantRegle) + cents(e.montantEnCoursInstruction) > cents(e.montantTotal)) {
    violations.push({ path, expected: 'montantRegle + montantEnCoursInstruction ≤ montantTotal', received: `${String(e.montantRegle)} + ${String(e.montantEnCoursInstruction)} > ${String(e.montantTotal)}` });
  }
  return violations;
}

/** FACT-17: right after an invoice of `@montantEnCours` on échéance `@numeroEcheance` was accepted, it is en cours d'instruction. */
function enCours(echange: Echange, echeances: unknown[]): Violation[] {
  const numero = valueAt(echange.expected, 'champs.@numeroEcheance');
  const montant = valueAt(echange.expected, 'champs.@montantEnCours');
  if (numero === undefined || montant === undefined) return [];
  const e = echeances.find((x) => isObject(x) && x.numero === Number(numero));
  if (!isObject(e)) return [{ path: 'echeances', expected: `l'échéance ${String(numero)} facturée`, received: '(absente)' }];
  const i = echeances.indexOf(e);
  return cents(e.montantEnCoursInstruction) === cents(montant)
    ? []
    : [{ path: `echeances[${i}].montantEnCoursInstruction`, expected: `${String(montant)} (la facture acceptée, en cours d'instruction)`, received: `${show(e.montantEnCoursInstruction)} (montantRegle ${show(e.montantRegle)})` }];
}

export default defineRule({
  id: ID,
  title: "L'échéancier lu donne les champs de la FAQ, des montants cohérents, et le montant facturé en cours d'instruction",
  requirements: ['FACT-14', 'FACT-17', 'FACT-23'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check(echange) {
    const echeances = echeancierLu(echange);
    if (!echeances) {
      return judgedBy(echange, ID) ? verdict([{ path: 'echeances', expected: 'un dossier lu avec son échéancier', received: show(valueAt(echange.response.body, 'echeances')) }]) : notApplicable("pas une lecture de dossier avec son échéancier");
    }
    const rupture = RUPTURE.includes(valueAt(echange.response.body, 'cerfa.etat'));
    return verdict([...echeances.flatMap((e, i) => coherence(e, i, rupture)), ...(judgedBy(echange, ID) ? enCours(echange, echeances) : [])]);
  },
  plant(valid) {
    // The échéance counts the invoice both as paid and as being processed.
    const echange = copie(valid);
    const e = { numero: 1, codification: 'E1', montantTotal: 100, montantPedagogique: 100, montantMajorationRQTH: 0, montantRegle: 100, montantEnCoursInstruction: 100, dateOuverture: '2025-09-01', dateDebut: '2025-09-01', dateFin: '2026-08-31' };
    echange.response = { ...echange.response, status: 200, body: { cerfa: { etat: 'ENGAGE' }, echeances: [e] } };
    return { payload: echange };
  },
});
