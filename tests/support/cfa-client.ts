// A simulated CFA software for the certification tests: drives the mock over HTTP as a careful CFA would, or with one chosen mistake.
import type { DossierLu, Echeance } from '../../conformance/model/dossier.js';
import type { Cerfa, Facture } from '../../conformance/model/payloads.js';
import { enveloppeCerfa } from '../../conformance/model/depot-cerfa.js';
import { conventionDe, factureDe } from '../../conformance/suite/builders.js';
import { findRule } from '../../conformance/rules/index.js';
import { certificatFor, validCerfa } from '../../mocks/testdata/fixtures.js';
import { DEMO } from '../../mocks/tenants.js';

/** The one mistake a variant makes; each should be reported under exactly one rule. */
export type CfaMistake = 'sans-editeur' | 'facture-avant-engagement' | 'ignore-retry-after' | 'renvoi-facture-identique' | 'nir-invalide';

export const CFA_MISTAKES: readonly CfaMistake[] = ['sans-editeur', 'facture-avant-engagement', 'ignore-retry-after', 'renvoi-facture-identique', 'nir-invalide'];

/** The rule each mistake must be reported under. */
export const RULE_OF_MISTAKE: Record<CfaMistake, string> = {
  'sans-editeur': 'client-entetes-editeur-presents',
  'facture-avant-engagement': 'facture-dossier-numero-deca',
  'ignore-retry-after': 'client-retry-after-respecte',
  'renvoi-facture-identique': 'client-facture-rejetee-corrigee',
  'nir-invalide': 'nir-cle',
};

export const EDITOR = { editeur: 'Editeur Simulé', logiciel: 'Logiciel CFA simulé', version: '2.4.0' } as const;

/** The mock's clock, moved by the test (the admin API): the software itself never touches it. */
export interface MockTime {
  now(): Promise<Date>;
  advance(duration: string): Promise<void>;
}

export interface CfaClientOptions {
  /** Base URL before `/v2` (`http://127.0.0.1:4010`, or with an OPCO prefix). */
  baseUrl: string;
  apiKey?: string;
  editor?: { editeur: string; logiciel: string; version: string };
  mistake?: CfaMistake;
  /** The CERFA's `organismeFormation.siret`, when it is not the demo CFA's (a warning, not a mistake). */
  organismeFormationSiret?: string;
  time: MockTime;
  numeroInterne?: string;
  numeroFacture?: string;
  /** First wait after a 5xx, doubled on each try (at least the bench's 1 s pause: client-pause-avant-renvoi-apres-5xx). */
  backoffMs?: number;
}

export interface ClientExchange {
  method: string;
  path: string;
  status: number;
}

export interface CfaClientRun {
  exchanges: ClientExchange[];
  dossier: DossierLu;
  /** Number of the invoice accepted in the end. */
  facture: string;
}

/** Admin-driven clock of a mock at `baseUrl` (the test's side of the callback). */
export function adminTime(baseUrl: string, adminToken: string = DEMO.adminToken): MockTime & { set(iso: string): Promise<void> } {
  const call = async (method: string, body?: unknown): Promise<{ now: string }> => {
    const res = await fetch(`${baseUrl}/_admin/clock`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (res.status !== 200) throw new Error(`admin clock ${method}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { now: string };
  };
  return {
    now: async () => new Date((await call('GET')).now),
    advance: async (duration) => void (await call('PUT', { advance: duration })),
    set: async (iso) => void (await call('PUT', { now: iso })),
  };
}

class ClientError extends Error {}

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const day = (d: Date): string => d.toISOString().slice(0, 10);

/** The fields an error answer names (`errors[].champ`). */
function champs(body: unknown): string[] {
  const errors = (body as { errors?: { champ?: string }[] } | undefined)?.errors;
  return Array.isArray(errors) ? errors.map((e) => e.champ ?? '').filter(Boolean) : [];
}

/** The CERFA with an invalid NIR key, planted by the catalogue's own rule so that nothing else is wrong. */
function cerfaNirInvalide(cerfa: Cerfa): Cerfa {
  const rule = findRule(RULE_OF_MISTAKE['nir-invalide']);
  if (!rule) throw new Error('nir-cle is not in the catalogue');
  return (rule.plant as (valid: Cerfa, context: object) => { payload: Cerfa })(cerfa, {}).payload;
}

/** Runs the whole life of one dossier as a CFA's software would; throws when the mock leaves it stuck. */
export async function runCfaClient(options: CfaClientOptions): Promise<CfaClientRun> {
  const base = `${options.baseUrl.replace(/\/+$/, '')}/v2`;
  const editor = options.editor ?? EDITOR;
  const mistake = options.mistake;
  const backoffMs = options.backoffMs ?? 1000;
  const numeroInterne = options.numeroInterne ?? 'CFA-SIM-0001';
  const numeroFacture = options.numeroFacture ?? 'FAC-SIM-0001';
  const exchanges: ClientExchange[] = [];

  const send = async (method: string, path: string, body?: unknown, opts: { sansEditeur?: boolean } = {}): Promise<Answer> => {
    const headers: Record<string, string> = {
      'x-api-key': options.apiKey ?? DEMO.apiKey,
      logiciel: editor.logiciel,
      version: editor.version,
      accept: 'application/json',
    };
    if (!opts.sansEditeur) headers.editeur = editor.editeur;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // Not JSON: kept as text.
    }
    exchanges.push({ method, path: path.split('?')[0] ?? path, status: res.status });
    return { status: res.status, headers: res.headers, body: parsed };
  };

  /** A 5xx is the server's trouble: wait, then try again, at most three tries in all. */
  const patient = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    let answer = await send(method, path, body);
    for (let attempt = 1; attempt < 3 && answer.status >= 500; attempt++) {
      await sleep(backoffMs * 2 ** (attempt - 1));
      answer = await send(method, path, body);
    }
    return answer;
  };

  /** A read that honours 429 Retry-After (or, as the mistake, retries at once) and retries 5xx. */
  const read = async (path: string): Promise<Answer> => {
    let answer = await patient('GET', path);
    for (let attempt = 0; attempt < 3 && answer.status === 429; attempt++) {
      const seconds = Number(answer.headers.get('retry-after') ?? '1');
      if (mistake !== 'ignore-retry-after') await sleep((Number.isFinite(seconds) ? seconds : 1) * 1000 + 50);
      answer = await patient('GET', path);
    }
    return answer;
  };

  const expect2xx = (what: string, answer: Answer): void => {
    if (answer.status < 200 || answer.status > 299) throw new ClientError(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  };

  // Polls a dossier at most twice a second (client-cadence-lecture-etat): a careful software paces its polling.
  let derniereLecture = 0;
  const lireDossier = async (): Promise<DossierLu> => {
    const attente = derniereLecture + 1100 - Date.now();
    if (attente > 0) await sleep(attente);
    const answer = await read(`/dossiers?numeroInterne=${encodeURIComponent(numeroInterne)}`);
    derniereLecture = Date.now();
    expect2xx('GET /dossiers', answer);
    return answer.body as DossierLu;
  };

  // 1. Is the OPCO up, and is the key valid? The mistake: one request without EDITEUR.
  expect2xx('GET /status', await send('GET', '/status', undefined, { sansEditeur: mistake === 'sans-editeur' }));
  const keyInfo = await send('GET', '/cfakeyinfo', undefined, {});
  expect2xx('GET /cfakeyinfo', keyInfo);

  // 2. Deposit the contract; the mistake: an invalid NIR first, corrected after the rejection.
  const cerfa = validCerfa(numeroInterne);
  if (options.organismeFormationSiret) cerfa.organismeFormation.siret = options.organismeFormationSiret;
  let depot = await patient('POST', '/dossiers', enveloppeCerfa(mistake === 'nir-invalide' ? cerfaNirInvalide(cerfa) : cerfa));
  if (mistake === 'nir-invalide' && depot.status >= 400 && depot.status < 500) {
    if (!champs(depot.body).some((c) => c.endsWith('apprenti.nir'))) throw new ClientError(`deposit rejected for another reason: ${JSON.stringify(depot.body)}`);
    depot = await patient('POST', '/dossiers', enveloppeCerfa(cerfa));
  }
  expect2xx('POST /dossiers', depot);

  // 3. Read its state; the mistake: invoice it while it is only TRANSMIS.
  let dossier = await lireDossier();
  if (mistake === 'facture-avant-engagement' && dossier.cerfa.etat !== 'ENGAGE') {
    await sendPrematureInvoice(dossier);
  }

  // 4. Engagement comes with time: the test moves the mock's clock, the software polls.
  for (let i = 0; dossier.cerfa.etat !== 'ENGAGE'; i++) {
    if (i >= 30 || ['REFUSE', 'ANNULE'].includes(dossier.cerfa.etat)) throw new ClientError(`dossier never engaged: ${dossier.cerfa.etat}`);
    await options.time.advance('PT1M');
    dossier = await lireDossier();
  }
  if (dossier.echeances.length === 0) throw new ClientError('engaged dossier without échéancier');

  // 5. The convention, built from the dossier as the OPCO engaged it.
  expect2xx('POST /conventions', await patient('POST', '/conventions', conventionDe(dossier)));

  // 6. Invoice the first open échéance, waiting (on the mock's clock) for it to open.
  const echeance = [...dossier.echeances].sort((a, b) => a.numero - b.numero)[0] as Echeance;
  let today = await options.time.now();
  if (echeance.dateOuverture > day(today)) {
    const days = Math.ceil((Date.parse(`${echeance.dateOuverture}T12:00:00Z`) - today.getTime()) / 86_400_000);
    await options.time.advance(`P${Math.max(days, 1)}D`);
    today = await options.time.now();
    dossier = await lireDossier();
  }
  let facture: Facture = factureDe(dossier, numeroFacture, echeance.numero, day(today));
  let answer = await patient('POST', '/factures', facture);
  for (let attempt = 1; answer.status >= 400 && answer.status < 500 && attempt < 4; attempt++) {
    if (mistake === 'renvoi-facture-identique' && attempt === 1) {
      answer = await patient('POST', '/factures', facture);
      continue;
    }
    facture = corriger(facture, champs(answer.body), attempt);
    answer = await patient('POST', '/factures', facture);
  }
  expect2xx('POST /factures', answer);

  // 7. Follow the invoice, then send the certificat de réalisation of the invoiced échéance.
  expect2xx('GET /factures/etats', await read('/factures/etats'));
  const certificat = certificatFor(dossier, numeroFacture, echeance.numero, day(today));
  expect2xx('POST /certificats', await patient('POST', '/certificats', certificat));

  return { exchanges, dossier, facture: numeroFacture };

  /** The mistake: an invoice of a dossier not yet engaged, its échéance guessed by the software itself. */
  async function sendPrematureInvoice(lu: DossierLu): Promise<void> {
    const guessed: Echeance = {
      numero: 1,
      codification: 'E1',
      montantTotal: 2100,
      montantPedagogique: 2100,
      montantMajorationRQTH: 0,
      montantRegle: 0,
      montantEnCoursInstruction: 0,
      dateOuverture: lu.cerfa.contrat.dateDebutContrat.slice(0, 10),
      dateDebut: lu.cerfa.contrat.dateDebutContrat.slice(0, 10),
      dateFin: null,
      iban: DEMO.iban,
      siret: lu.cerfa.organismeFormation.siret,
    };
    const premature = factureDe({ ...lu, echeances: [guessed] }, numeroFacture, 1, day(await options.time.now()));
    // Whatever the answer, the software goes on as usual: the finding is the invoice itself.
    await patient('POST', '/factures', premature);
  }
}

/** Corrects the fields a rejection names, as a CFA's staff would; other fields cannot be fixed blindly. */
function corriger(facture: Facture, fields: string[], attempt: number): Facture {
  const corrected: Facture = structuredClone(facture);
  for (const field of fields) {
    if (field === 'referenceFactureCFA') corrected.referenceFactureCFA = `REF-${facture.numeroInterneFacture}-C${attempt}`;
    else throw new ClientError(`invoice rejected on a field the simulated software cannot correct: ${field}`);
  }
  if (fields.length === 0) throw new ClientError('invoice rejected without naming a field');
  return corrected;
}
