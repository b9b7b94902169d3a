// The OPCO quirks the server suite accepts when the target's profile declares them (issue 12 §4, wire-format.md §2).
//
// A declared quirk is read back into the norm's form before the spec's schemas and the rules judge an answer, and
// the deposit's expected status widens to the declared one; an undeclared quirk reaches them as it is, so the
// server fails the rule that the norm's form would satisfy (`serveur-reponse-conforme-spec`,
// `serveur-depot-cerfa-transmis`). What the suite keeps to build its next requests (captures) is read the way
// tolerant clients read (GSTAG unwraps pages and falls back to `employeurV2`), so one undeclared quirk fails its
// own rule and not, through a half-read dossier, the scenarios after it. A states page wrapped in a one-element
// array is read as the page wherever the suite reads one (the page walker, the rules, captures; issue 13 §1), so a
// leak inside it is still seen; only the schema judges the wrapping itself. Requests always follow the norm.
import { datesEnPartieDate } from '../model/depot-cerfa.js';
import type { OpcoProfile, Particularites } from '../../mocks/profiles.js';

/**
 * The quirks a target declares: absent members are the norm's. Besides the wire quirks of mocks/profiles.yaml, the
 * profile's `etatRupture`: AKTO's clients read a broken contract as `RUPTU` (research §1.6).
 */
export type ParticularitesCible = Partial<Particularites & Pick<OpcoProfile, 'etatRupture'>>;

/** The norm's spelling of each nature, by its letters (`Premierequipement`, `PREMIER_EQUIPEMENT` → `PREMIER_EQUIPEMENT`). */
const NATURES = ['HEBERGEMENT', 'RESTAURATION', 'PREMIER_EQUIPEMENT', 'MOBILITE_INTERNATIONALE'] as const;
const CODE_PAR_LETTRES = new Map(NATURES.map((code) => [code.replace(/_/g, ''), code]));

/** The norm's code of a nature in either spelling; anything else unchanged (the schema then refuses it). */
export function natureEnCode(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return CODE_PAR_LETTRES.get(value.replace(/[_\s-]/g, '').toUpperCase()) ?? value;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The path without query string nor the OPCO prefix the target may carry (`/atlas/v2/dossiers?…` → `/v2/dossiers`). */
function operation(path: string): string {
  return (path.split('?')[0] ?? path).replace(/^.*?(?=\/v\d+\/)/, '');
}

const estDepotDossier = (method: string, path: string): boolean => method === 'POST' && /^\/v\d+\/dossiers$/.test(operation(path));
const estPageEtats = (method: string, path: string): boolean => method === 'GET' && /^\/v\d+\/(dossiers|factures)\/etats$/.test(operation(path));
/** Answers that carry dossiers read back: the read, the appairage, the rupture (every /dossiers path but the pages). */
const porteDossiers = (method: string, path: string): boolean => /^\/v\d+\/dossiers(\/|$)/.test(operation(path)) && !estPageEtats(method, path);

/** Every quirk a client tolerates when it reads an answer to build its next request. */
export const LECTURE_TOLERANTE: ParticularitesCible = {
  etatRupture: 'RUPTU',
  employeurV2: true,
  pageEtatsEnveloppeTableau: true,
  naturesFraisCasse: 'mots',
  formeDates: 'date-time',
};

/** The statuses a step accepts: a deposit expected 201 also accepts 200 where the profile declares it. */
export function statutsAcceptes(method: string, path: string, statuses: number[] | undefined, p: ParticularitesCible): number[] | undefined {
  if (!statuses || p.depotStatus !== 200 || !estDepotDossier(method, path)) return statuses;
  return statuses.includes(201) && !statuses.includes(200) ? [...statuses, 200] : statuses;
}

/** The status whose response schema judges an answer: a deposit's declared 200 is the norm's 201. */
export function statutDuSchema(method: string, path: string, status: number, p: ParticularitesCible): number {
  return status === 200 && p.depotStatus === 200 && estDepotDossier(method, path) ? 201 : status;
}

/** Natures of the committed frais annexes in the norm's codes. */
function naturesEnCodes(dossier: Record<string, unknown>): Record<string, unknown> {
  const frais = dossier.engagementsFraisAnnexe;
  if (!Array.isArray(frais)) return dossier;
  return { ...dossier, engagementsFraisAnnexe: frais.map((f) => (isObject(f) ? { ...f, natureFrais: natureEnCode(f.natureFrais) } : f)) };
}

/** A dossier read written as the norm writes it: `employeur`, `YYYY-MM-DD` dates, natures as codes (each only where declared). */
function dossierALaNorme(body: Record<string, unknown>, p: ParticularitesCible): Record<string, unknown> {
  let dossier = body;
  if (isObject(dossier.cerfa)) {
    let cerfa = dossier.cerfa;
    if (p.employeurV2 && cerfa.employeur === undefined && cerfa.employeurV2 !== undefined) {
      const { employeurV2, ...reste } = cerfa;
      cerfa = { ...reste, employeur: employeurV2 };
    }
    if (p.formeDates === 'date-time') cerfa = datesEnPartieDate(cerfa);
    if (p.etatRupture === 'RUPTU' && cerfa.etat === 'RUPTU') cerfa = { ...cerfa, etat: 'RUPTURE' };
    if (cerfa !== dossier.cerfa) dossier = { ...dossier, cerfa };
  }
  return p.naturesFraisCasse === 'mots' ? naturesEnCodes(dossier) : dossier;
}

/** A page of dossier states with AKTO's `RUPTU` read as the norm's `RUPTURE`. */
function etatsALaNorme(page: unknown): unknown {
  if (!isObject(page) || !Array.isArray(page.EtatDossierResult) || !page.EtatDossierResult.some((e) => isObject(e) && e.etat === 'RUPTU')) return page;
  return { ...page, EtatDossierResult: page.EtatDossierResult.map((e) => (isObject(e) && e.etat === 'RUPTU' ? { ...e, etat: 'RUPTURE' } : e)) };
}

/**
 * The answer's body as the norm writes it, for the quirks the target declares; unchanged otherwise (and always
 * for an undeclared quirk, which the schemas and rules then judge).
 */
export function reponseALaNorme(method: string, path: string, status: number, body: unknown, p: ParticularitesCible): unknown {
  if (status >= 400) {
    const membre = p.erreurDescriptionRacine;
    if (membre && membre !== 'none' && isObject(body) && membre in body && Array.isArray(body.errors)) {
      const { [membre]: _declare, ...reste } = body;
      return reste;
    }
    return body;
  }
  if (estPageEtats(method, path)) {
    const page = p.pageEtatsEnveloppeTableau && Array.isArray(body) && body.length === 1 && isObject(body[0]) ? body[0] : body;
    return p.etatRupture === 'RUPTU' ? etatsALaNorme(page) : page;
  }
  if (!porteDossiers(method, path)) return body;
  if (isObject(body) && isObject(body.cerfa)) return dossierALaNorme(body, p);
  if (Array.isArray(body) && body.some((item) => isObject(item) && isObject(item.cerfa))) {
    return body.map((item) => (isObject(item) && isObject(item.cerfa) ? dossierALaNorme(item, p) : item));
  }
  return body;
}
