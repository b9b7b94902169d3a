// How the judge reads recorded exchanges: step names, replay URLs and curls, canonical bodies, dossier reads, rejections.
import { lireDepotCerfa } from '../model/depot-cerfa.js';
import type { EchangeCfa } from '../model/session.js';
import { redactFields } from '../../reports/suite/scrub.js';
import { curlFor } from '../suite/curl.js';

/** The step name of an exchange in reports: `#12 POST /v2/factures` (no query string: it may hold personal data). */
export function stepName(e: EchangeCfa): string {
  return `#${e.seq} ${e.method} ${e.path}`;
}

/** The request's URL against the target, query string included (reports scrub its personal parameters). */
export function urlOf(baseUrl: string, e: EchangeCfa): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(e.query)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  }
  const query = params.toString();
  return `${baseUrl.replace(/\/+$/, '')}${e.path}${query === '' ? '' : `?${query}`}`;
}

/** Masks personal values of a body by field name (the suite reports' own pass, applied before the curl is built too). */
export const redactBody = (value: unknown): unknown => redactFields(value);

// The norm spells them in capitals; the recorder lower-cases every name.
const EDITOR_HEADERS = new Set(['editeur', 'logiciel', 'version']);

/**
 * A curl replaying the request against the target: the key as `$API_KEY`, the judged headers (editor triplet,
 * content type…), the body with its personal values masked.
 */
export function curlOf(baseUrl: string, e: EchangeCfa): string {
  const headers: Record<string, string> = { 'X-API-KEY': '' };
  for (const [name, value] of Object.entries(e.headers)) headers[EDITOR_HEADERS.has(name) ? name.toUpperCase() : name] = value;
  const body = e.body === undefined ? undefined : typeof e.body === 'string' ? e.body : JSON.stringify(redactBody(e.body));
  return curlFor(e.method, urlOf(baseUrl, e), headers, body);
}

/** JSON with object keys sorted: the protocol rules' own test of "the same payload", so the checklist agrees with them. */
export { canonique as canonicalJson } from '../rules/client/support.js';

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** What one read told the software about one dossier. */
export interface DossierVu {
  numeroInterne: string;
  etat?: string;
  /** Number of échéances in the answer; absent when the view has no échéancier (GET /dossiers/etats). */
  echeances?: number;
}

function dossierLu(body: unknown): DossierVu | undefined {
  if (!isObject(body) || !isObject(body.cerfa)) return undefined;
  const numeroInterne = text(body.cerfa.numeroInterne);
  if (numeroInterne === undefined) return undefined;
  const etat = text(body.cerfa.etat);
  return { numeroInterne, ...(etat !== undefined ? { etat } : {}), ...(Array.isArray(body.echeances) ? { echeances: body.echeances.length } : {}) };
}

/**
 * The dossiers whose state a 200 answer showed: `GET /dossiers?numeroInterne=X` (one DossierLu), `GET /dossiers/liste`
 * (DossierLu items) and `GET /dossiers/etats` (EtatDossierResult items). Empty for anything else.
 */
export function dossiersLus(e: EchangeCfa): DossierVu[] {
  if (e.response.status !== 200) return [];
  const body = e.response.body;
  switch (e.operation) {
    case 'GET /dossiers': {
      const one = dossierLu(body);
      return one !== undefined ? [one] : Array.isArray(body) ? body.map(dossierLu).filter((d): d is DossierVu => d !== undefined) : [];
    }
    case 'GET /dossiers/liste':
      return (Array.isArray(body) ? body : [body]).map(dossierLu).filter((d): d is DossierVu => d !== undefined);
    case 'GET /dossiers/etats': {
      // A page, or (profile pageEtatsEnveloppeTableau) the page wrapped in a one-element array.
      const page = Array.isArray(body) && body.length === 1 && isObject(body[0]) && 'EtatDossierResult' in body[0] ? body[0] : body;
      const items = Array.isArray(page) ? page : isObject(page) && Array.isArray(page.EtatDossierResult) ? page.EtatDossierResult : [];
      return items.flatMap((item): DossierVu[] => {
        if (!isObject(item)) return [];
        const numeroInterne = text(item.numeroInterne);
        const etat = text(item.etat);
        return numeroInterne === undefined ? [] : [{ numeroInterne, ...(etat !== undefined ? { etat } : {}) }];
      });
    }
    default:
      return [];
  }
}

/** A deposit's success: 201, or 200 where the OPCO's profile answers so (mocks/profiles.yaml `depotStatus`). */
export const DEPOT_REUSSI: readonly number[] = [201, 200];

/**
 * The numeroInterne an accepted `POST /dossiers` created: from the answer (the OPCO assigns one when the deposit
 * carries none), else from the deposit body (`cerfa.numeroInterne`, or beside `cerfa` at its root; a bare CERFA too).
 */
export function dossierDepose(e: EchangeCfa): string | undefined {
  if (e.operation !== 'POST /dossiers' || !DEPOT_REUSSI.includes(e.response.status)) return undefined;
  const answer = isObject(e.response.body) ? text(e.response.body.numeroInterne) : undefined;
  return answer ?? (isObject(e.body) ? text(lireDepotCerfa(e.body).cerfa.numeroInterne) : undefined);
}

/** The invoice number a `POST /factures` carries. */
export function numeroFacture(e: EchangeCfa): string | undefined {
  return isObject(e.body) ? text(e.body.numeroInterneFacture) : undefined;
}

/**
 * Whether the answer refused the request's content (a 4xx with the norm's errors[], not 401 nor 429): the protocol
 * rules' definition, so the checklist and the rules count the same rejections.
 */
export { estRefus as estRejet } from '../rules/client/support.js';
