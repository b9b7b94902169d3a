// Helpers of the 'serveur' rules: reading an exchange, checking a step's expectations, building bad exchanges for plants.
import type { Echange } from '../../model/payloads.js';
import { notApplicable, verdict, type RuleResult, type Violation } from '../rule.js';

/** Value at a dot path (`cerfa.etat`, `errors[0].code`, `echeances.length`) of a parsed JSON body. */
export function valueAt(body: unknown, path: string): unknown {
  if (path === '' || path === '$') return body;
  let current: unknown = body;
  for (const part of path.replace(/^\$\.?/, '').split(/\.|(?=\[)/)) {
    if (part === '') continue;
    const index = /^\[(\d+)\]$/.exec(part);
    if (current === null || current === undefined) return undefined;
    if (index) current = Array.isArray(current) ? current[Number(index[1])] : undefined;
    else if (part === 'length' && Array.isArray(current)) current = current.length;
    else current = typeof current === 'object' ? (current as Record<string, unknown>)[part] : undefined;
  }
  return current;
}

/** The codes of the norm's error list (`errors[].code`), or [] when the body has none. */
export function errorCodes(body: unknown): string[] {
  const errors = valueAt(body, 'errors');
  if (!Array.isArray(errors)) return [];
  return errors.map((e) => (e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined)).filter((c): c is string => typeof c === 'string');
}

export const show = (value: unknown): string => (value === undefined ? '(absent)' : JSON.stringify(value) ?? String(value));

/** Whether the step that produced this exchange names this rule among the ones judging it. */
export const judgedBy = (echange: Echange, ruleId: string): boolean => echange.expected?.regles.includes(ruleId) === true;

/** Not applicable unless the step lists the rule. */
export const notListed = (ruleId: string): RuleResult => notApplicable(`l'étape ne relève pas de la règle ${ruleId}`);

/** Violations of the step's generic expectations (status, error codes, field values). */
export function expectationViolations(echange: Echange): Violation[] {
  const violations: Violation[] = [];
  const expected = echange.expected;
  if (!expected) return violations;
  const { status, body } = echange.response;
  if (expected.status && !expected.status.includes(status)) {
    violations.push({ path: '(statut HTTP)', expected: expected.status.join(' ou '), received: String(status) });
  }
  const codes = errorCodes(body);
  for (const code of expected.codes ?? []) {
    if (!codes.includes(code)) violations.push({ path: 'errors[].code', expected: code, received: codes.length > 0 ? codes.join(', ') : '(aucun code)' });
  }
  for (const [path, value] of Object.entries(expected.champs ?? {})) {
    // A path over every item (`errors[].champ`) is judged by the rule that owns it (serveur-erreur-champ); a name
    // starting with `@` is a value the step gives its rules (`@engagementAvantRupture`), not one of the answer.
    if (path.includes('[]') || path.startsWith('@')) continue;
    const received = valueAt(body, path);
    if (JSON.stringify(received) !== JSON.stringify(value)) violations.push({ path, expected: show(value), received: show(received) });
  }
  return violations;
}

/** The usual check of a step-listed rule: not applicable unless listed, then the expectations plus the rule's own. */
export function judgeListed(echange: Echange, ruleId: string, own: (echange: Echange) => Violation[] = () => []): RuleResult {
  if (!judgedBy(echange, ruleId)) return notListed(ruleId);
  return verdict([...expectationViolations(echange), ...own(echange)]);
}

/** A deep copy, so plants never mutate their input. */
export const copie = <T>(value: T): T => structuredClone(value);

/** The exchange with another response, listed for `ruleId` with `expected` kept (the plant of a step-listed rule). */
export function withResponse(valid: Echange, ruleId: string, response: Partial<Echange['response']>): Echange {
  const echange = copie(valid);
  echange.expected = { ...(echange.expected ?? { regles: [] }), regles: [...new Set([...(echange.expected?.regles ?? []), ruleId])] };
  echange.response = { ...echange.response, ...response };
  return echange;
}

export const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export const isErrorStatus = (status: number): boolean => status >= 400;

/** A refusal for authentication: 401 or 403, and no dossier or invoice data in the answer. */
export function refusWithoutData(echange: Echange): Violation[] {
  const { status, body } = echange.response;
  const violations: Violation[] = [];
  if (status !== 401 && status !== 403) violations.push({ path: '(statut HTTP)', expected: '401 ou 403', received: String(status) });
  for (const key of ['EtatDossierResult', 'factures', 'cerfa', 'echeances']) {
    if (valueAt(body, key) !== undefined) violations.push({ path: key, expected: 'absent (aucune donnée sans authentification)', received: 'présent' });
  }
  return violations;
}

/** A deposit answered at once with state TRANSMIS and the OPCO's dossier number. */
export function depotTransmis(echange: Echange): Violation[] {
  const { status, body } = echange.response;
  const violations: Violation[] = [];
  if (status !== 200 && status !== 201) violations.push({ path: '(statut HTTP)', expected: '201 (ou 200)', received: String(status) });
  const numero = valueAt(body, 'numeroExterne');
  if (typeof numero !== 'string' || numero === '') violations.push({ path: 'numeroExterne', expected: "le numéro de dossier de l'OPCO", received: show(numero) });
  const etat = valueAt(body, 'etat');
  if (etat !== 'TRANSMIS') violations.push({ path: 'etat', expected: 'TRANSMIS', received: show(etat) });
  return violations;
}

/** An error answer of one of the given statuses carrying at least one error code. */
export function refusAvecCode(echange: Echange, statuses: number[]): Violation[] {
  const { status, body } = echange.response;
  const violations: Violation[] = [];
  if (!statuses.includes(status)) violations.push({ path: '(statut HTTP)', expected: statuses.join(' ou '), received: String(status) });
  if (errorCodes(body).length === 0) violations.push({ path: 'errors[].code', expected: "au moins un code d'erreur", received: '(aucun)' });
  return violations;
}

/** The page container of a listing: `{total, count, page, …}`, unwrapped from a one-element array (some OPCOs). */
export function pageContainer(body: unknown): Record<string, unknown> | undefined {
  const c = Array.isArray(body) && body.length === 1 ? body[0] : body;
  return isObject(c) && 'total' in c ? c : undefined;
}

/** The `numeroPage` a request asked for (absent: 1, the norm's default). */
export function numeroPageDemande(path: string): number {
  return Number(new URLSearchParams(path.split('?')[1] ?? '').get('numeroPage') ?? '1');
}

/** A paged listing read (`…/etats`) answered 200. */
export const estPageDeListe = (echange: Echange): boolean => /\/etats(\?|$)/.test(echange.request.path) && echange.response.status === 200;

/** A response header, whatever the case of its name. */
export function entete(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}
