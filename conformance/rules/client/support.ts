// What the 'client' rules read in a recorded session: operations, rejections, canonical bodies, state reads, Retry-After.
import type { EchangeCfa, SessionCfa } from '../../model/session.js';
import { lireDepotCerfa } from '../../model/depot-cerfa.js';

/** Where a finding points: the exchange's index in `session.echanges`. */
export const chemin = (index: number): string => `echanges[${index}]`;

/** `#12 POST /dossiers`: how a message names an exchange (its seq and operation, never its body). */
export function nommer(echange: EchangeCfa): string {
  return `#${echange.seq} ${operationDe(echange)}`;
}

/** The norm's operation, or method and path when the recorder found none. */
export function operationDe(echange: EchangeCfa): string {
  return echange.operation ?? `${echange.method.toUpperCase()} ${echange.path}`;
}

/** The OAuth2 token endpoint is standard OAuth, not the norm: the editor headers are not expected there. */
export function estJeton(echange: EchangeCfa): boolean {
  return operationDe(echange) === 'POST /oauth/token' || /\/oauth\/token$/.test(echange.path);
}

/** Payload deposits other than invoices (invoices have their own rule). */
export const OPERATIONS_DEPOT: readonly string[] = [
  'POST /dossiers',
  'POST /dossiers/rupture/employeur',
  'POST /conventions',
  'POST /certificats',
  'POST /documents',
];
export const OPERATION_FACTURE = 'POST /factures';

/** Error codes of a norm error body (`errors[].code`); empty when the body has no errors[]. */
export function codesErreur(body: unknown): string[] {
  if (body === null || typeof body !== 'object') return [];
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((e) => (e !== null && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '?'));
}

/** What a refusal names, for messages: `REFERENCE_FACTURE_REFUSEE sur referenceFactureCFA` (codes and fields, never values). */
export function motifsRefus(body: unknown): string {
  const errors = body !== null && typeof body === 'object' ? (body as { errors?: unknown }).errors : undefined;
  if (!Array.isArray(errors)) return '';
  const motifs = errors.slice(0, 3).map((e) => {
    const { code, champ } = (e !== null && typeof e === 'object' ? e : {}) as { code?: unknown; champ?: unknown };
    return `${typeof code === 'string' ? code : '?'}${typeof champ === 'string' && champ !== '' ? ` sur ${champ}` : ''}`;
  });
  return `${motifs.join(', ')}${errors.length > 3 ? ', …' : ''}`;
}

/** Codes that refuse the request's credentials or headers, not its body: fixing them and resending the same body is right. */
const CODES_ENTETES = new Set(['ENTETE_EDITEUR_ABSENTE', 'EDITEUR_NON_AUTORISE', 'JETON_ABSENT', 'JETON_INVALIDE', 'CLE_API_ABSENTE', 'CLE_API_INCONNUE']);

/**
 * A refusal of the request's content: a 4xx answer with a non-empty errors[]. 401 (token to refresh) and 429 (wait
 * and retry) ask for the same request again, so they are not refusals.
 */
export function estRefus(echange: EchangeCfa): boolean {
  const { status, body } = echange.response;
  return status >= 400 && status < 500 && status !== 401 && status !== 429 && codesErreur(body).length > 0;
}

/** JSON with object keys sorted at every level: two bodies are the same request iff their canonical forms are equal. */
export function canonique(value: unknown): string {
  return JSON.stringify(trier(value)) ?? 'undefined';
}

function trier(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(trier);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = trier((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

const estObjet = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const texte = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The numeroInterne a `POST /dossiers` body carries (inside `cerfa` or beside it), if any. */
export function numeroInterneDepose(body: unknown): string | undefined {
  return estObjet(body) ? texte(lireDepotCerfa(body).cerfa?.numeroInterne) : undefined;
}

/**
 * The contract's identity, the mock's duplicate key (docs/mock.md "duplicates", research §2.7): apprentice's nom,
 * prénom and birth date, employer SIRET, contract start date, compared exactly. Undefined when one is missing.
 */
export function identiteContrat(body: unknown): string | undefined {
  if (!estObjet(body)) return undefined;
  const cerfa = lireDepotCerfa(body).cerfa as unknown;
  if (!estObjet(cerfa) || !estObjet(cerfa.apprenti) || !estObjet(cerfa.employeur) || !estObjet(cerfa.contrat)) return undefined;
  const parts = [cerfa.apprenti.nom, cerfa.apprenti.prenom, cerfa.apprenti.dateNaissance, cerfa.employeur.siret, cerfa.contrat.dateDebutContrat].map(texte);
  if (parts.some((p) => p === undefined)) return undefined;
  return parts.map((p, i) => (i === 2 || i === 4 ? p!.slice(0, 10) : p)).join('|');
}

/**
 * What makes two requests "the same request" (a resend): the operation and path, and the payload's identity — the
 * contract's numeroInterne for `POST /dossiers` (else its identity), the invoice's numeroInterneFacture for
 * `POST /factures`, the query for a read, the canonical body otherwise. Distinct contracts or invoices sent one
 * after the other are distinct requests, whatever their pace.
 */
export function identiteRequete(echange: EchangeCfa): string {
  const operation = `${operationDe(echange)} ${echange.path}`;
  if (echange.method.toUpperCase() === 'GET') return `${operation}?${canonique(echange.query)}`;
  if (operationDe(echange) === 'POST /dossiers') {
    const numero = numeroInterneDepose(echange.body);
    if (numero !== undefined) return `${operation}#numeroInterne=${numero}`;
    const identite = identiteContrat(echange.body);
    if (identite !== undefined) return `${operation}#contrat=${identite}`;
  }
  if (operationDe(echange) === OPERATION_FACTURE && estObjet(echange.body)) {
    const numero = texte(echange.body.numeroInterneFacture);
    if (numero !== undefined) return `${operation}#numeroInterneFacture=${numero}`;
  }
  return `${operation}#${canonique(echange.body)}`;
}

/** The reads a GET makes, one key per dossier or states page: `dossier:X` (by number or in a list), `etats:page`. */
export function lecturesDe(echange: EchangeCfa): string[] {
  if (echange.method.toUpperCase() !== 'GET') return [];
  const premier = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
  const page = premier(echange.query.numeroPage) ?? '1';
  switch (operationDe(echange)) {
    case 'GET /dossiers': {
      const numero = premier(echange.query.numeroInterne);
      return numero === undefined ? [] : [`dossier:${numero}`];
    }
    case 'GET /dossiers/liste': {
      const brut = echange.query.numerosInternes;
      const numeros = (Array.isArray(brut) ? brut : brut === undefined ? [] : [brut]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
      return [...new Set(numeros)].map((n) => `dossier:${n}`);
    }
    case 'GET /dossiers/etats':
      return [`etats-dossiers:page ${page}`];
    case 'GET /factures/etats':
      return [`etats-factures:page ${page}`];
    default:
      return [];
  }
}

const ENTETES_JUGEES = ['editeur', 'logiciel', 'version', 'content-type'] as const;
const entetes = (e: EchangeCfa): string => ENTETES_JUGEES.map((h) => e.headers[h] ?? '').join('\u0000');

/** A later request that repeats a refused one: same operation and path, same canonical body. */
export interface RenvoiAveugle {
  refus: number;
  renvoi: number;
}

/**
 * Every request of `operations` sent again, body unchanged, after the same request was refused. When the refusal was
 * only about headers or credentials, a resend with changed headers is a correction, not a blind resend.
 * Each resend is reported once, against the first refusal it repeats.
 */
export function renvoisAveugles(session: SessionCfa, operations: readonly string[]): { refus: number; renvois: RenvoiAveugle[] } {
  const echanges = session.echanges;
  const renvois: RenvoiAveugle[] = [];
  const signales = new Set<number>();
  // Each body made canonical once, only for the judged operations: sessions of real use run to thousands of exchanges.
  const corpsCanoniques = echanges.map((e) => (operations.includes(operationDe(e)) ? canonique(e.body) : undefined));
  let refus = 0;
  for (let i = 0; i < echanges.length; i++) {
    const refuse = echanges[i]!;
    if (!operations.includes(operationDe(refuse)) || !estRefus(refuse)) continue;
    refus++;
    const corps = corpsCanoniques[i];
    const entetesSeulement = codesErreur(refuse.response.body).every((code) => CODES_ENTETES.has(code));
    for (let j = i + 1; j < echanges.length; j++) {
      const suivant = echanges[j]!;
      if (signales.has(j) || operationDe(suivant) !== operationDe(refuse) || suivant.path !== refuse.path) continue;
      if (corpsCanoniques[j] !== corps) continue;
      if (entetesSeulement && entetes(suivant) !== entetes(refuse)) continue;
      signales.add(j);
      renvois.push({ refus: i, renvoi: j });
    }
  }
  return { refus, renvois };
}

/** The number of the dossier a 200 `GET /dossiers?numeroInterne=X` read. */
function numeroLu(echange: EchangeCfa): string | undefined {
  const value = echange.query.numeroInterne;
  return Array.isArray(value) ? value[0] : value;
}

/** Whether `body` lists an item for dossier `numeroInterne` (the items of /dossiers/etats, /dossiers/liste). */
function listeLeDossier(body: unknown, numeroInterne: string, profondeur = 0): boolean {
  if (profondeur > 4 || body === null || typeof body !== 'object') return false;
  if (Array.isArray(body)) return body.some((item) => listeLeDossier(item, numeroInterne, profondeur + 1));
  const objet = body as Record<string, unknown>;
  if (objet.numeroInterne === numeroInterne) return true;
  return Object.values(objet).some((v) => v !== null && typeof v === 'object' && listeLeDossier(v, numeroInterne, profondeur + 1));
}

/** A read of dossier `numeroInterne`'s state answered 200: by its number, or in the state or dossier lists. */
export function litEtat(echange: EchangeCfa, numeroInterne: string): boolean {
  if (echange.response.status !== 200 || echange.method.toUpperCase() !== 'GET') return false;
  const operation = operationDe(echange);
  if (operation === 'GET /dossiers') return numeroLu(echange) === numeroInterne;
  if (operation === 'GET /dossiers/etats' || operation === 'GET /dossiers/liste') return listeLeDossier(echange.response.body, numeroInterne);
  return false;
}

/**
 * The earliest time (ms since the epoch) a new request may come after the 429 `echange`, from its Retry-After:
 * delay-seconds or an HTTP date (RFC 9110 §10.2.3). Undefined when absent or unreadable.
 */
export function finAttente(echange: EchangeCfa): number | undefined {
  const valeur = echange.response.headers['retry-after']?.trim();
  if (valeur === undefined || valeur === '') return undefined;
  if (/^\d+$/.test(valeur)) return echange.receivedAtMs + Number(valeur) * 1000;
  const date = Date.parse(valeur);
  return Number.isNaN(date) ? undefined : date;
}

/**
 * The earliest time a resend may come after the 5xx `echange`: its Retry-After when it carries a readable one, else
 * `pauseMs` after it.
 */
export function finPauseErreur(echange: EchangeCfa, pauseMs: number): { fin: number; selon: 'retry-after' | 'pause' } {
  const fin = finAttente(echange);
  return fin !== undefined ? { fin, selon: 'retry-after' } : { fin: echange.receivedAtMs + pauseMs, selon: 'pause' };
}

/** Seconds in French notation for messages: `1,5 s`. */
export function secondes(ms: number): string {
  return `${(Math.round(ms / 100) / 10).toLocaleString('fr-FR')} s`;
}
