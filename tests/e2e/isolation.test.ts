// Many CFAs at once on one mock OPCO: each sees exactly its own dossiers and invoices by every read path, and cannot write to another's.
import { afterEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createMockApp, type MockApp } from '../../mocks/app.js';
import { frozenClock } from '../../mocks/clock.js';
import type { CfaTenant, MockConfig } from '../../mocks/tenants.js';
import { certificatFor } from '../../mocks/testdata/fixtures.js';
import { generateCerfa } from '../../conformance/generate/index.js';
import { completeLuhn, ibanCheckDigits, isValidIban, isValidSiret } from '../../conformance/identifiers/index.js';
import type { DossierLu } from '../../conformance/model/dossier.js';
import type { Cerfa } from '../../conformance/model/payloads.js';
import { findRule } from '../../conformance/rules/index.js';
import { serveurRules } from '../../conformance/rules/serveur/index.js';
import { conventionDe, factureDe } from '../../conformance/suite/builders.js';
import { loadResponseSchemas, loadScenarios, runSuite } from '../../conformance/suite/index.js';
import { startSuiteMock, type SuiteMock } from '../../conformance/suite/testdata.js';
import { bundledSpecPath } from '../../spec/load.js';

const CFAS = 8;
const PER_CFA = 4;
/** Every CFA also uses this number: each must read its own dossier behind it, never another's. */
const SHARED = 'COMMUN-0001';
/** Deposit day: every selected contract runs across it, so échéance 1 is open and a rupture date exists. */
const DEPOT = '2026-03-02';
const ADMIN_TOKEN = 'isolation-admin-token';
const EDITOR = { editeur: 'Isolation', logiciel: 'convergence-e2e', version: '1.0.0' };
const SEED = 7_070_707;

interface Cfa extends CfaTenant {
  key: string;
  /** The CERFAs it deposits, its own numbers (SHARED included). */
  cerfas: (Cerfa & { numeroInterne: string })[];
  factures: string[];
}

/** A valid SIRET and French IBAN per CFA (SIREN Luhn, SIRET Luhn, RIB key, IBAN check digits). */
function tenant(i: number): Omit<Cfa, 'cerfas' | 'factures'> {
  const siren = completeLuhn(`7${String(i).padStart(2, '0')}12345`);
  const siret = completeLuhn(`${siren}0001`);
  const banque = '30006';
  const guichet = String(10_000 + i);
  const compte = String(20_000_000_000 + i * 7919);
  const rib = 97 - ((89 * Number(banque) + 15 * Number(guichet) + 3 * (Number(compte) % 97)) % 97);
  const bban = `${banque}${guichet}${compte}${String(rib).padStart(2, '0')}`;
  const key = `isolation-cfa-key-${i}-${'x'.repeat(8)}`;
  return { siret, denomination: `CFA isolation ${i}`, keys: { '*': key }, iban: `FR${ibanCheckDigits('FR', bban)}${bban}`, key };
}

/** Generated CERFAs whose contract runs from before DEPOT to 90 days after it, with distinct apprentices. */
function pickCerfas(count: number): Cerfa[] {
  const picked: Cerfa[] = [];
  const people = new Set<string>();
  const limit = new Date(Date.parse(`${DEPOT}T00:00:00Z`) + 90 * 86_400_000).toISOString().slice(0, 10);
  for (let index = 0; picked.length < count && index < 20_000; index++) {
    const cerfa = generateCerfa(SEED, index);
    const who = `${cerfa.apprenti.nom}|${cerfa.apprenti.prenom}|${cerfa.apprenti.dateNaissance}`;
    if (cerfa.contrat.dateDebutContrat >= DEPOT || cerfa.contrat.dateFinContrat <= limit || people.has(who)) continue;
    people.add(who);
    picked.push(cerfa);
  }
  if (picked.length < count) throw new Error(`only ${picked.length} generated contracts run across ${DEPOT}`);
  return picked;
}

interface Counter {
  requests: number;
}

class Client {
  constructor(
    private readonly mock: MockApp,
    readonly cfa: Cfa,
    private readonly counter: Counter,
  ) {}

  async call(method: 'GET' | 'POST', url: string, body?: unknown): Promise<LightMyRequestResponse> {
    this.counter.requests++;
    return this.mock.app.inject({
      method,
      url,
      headers: { 'x-api-key': this.cfa.key, ...EDITOR },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  }

  async dossier(numero: string): Promise<DossierLu> {
    const res = await this.call('GET', `/v2/dossiers?numeroInterne=${encodeURIComponent(numero)}`);
    if (res.statusCode !== 200) throw new Error(`${this.cfa.denomination} GET ${numero}: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  /** Every page of a paginated listing, and the total the server announced. */
  async allPages<T>(path: string, field: string): Promise<{ total: number; items: T[]; pages: number }> {
    const items: T[] = [];
    let total = 0;
    let page = 1;
    for (; page < 100; page++) {
      const res = await this.call('GET', `${path}?numeroPage=${page}`);
      if (res.statusCode !== 200) throw new Error(`${path} page ${page}: ${res.statusCode} ${res.body}`);
      const body = res.json() as Record<string, unknown>;
      total = Number(body.total);
      const list = (body[field] ?? []) as T[];
      items.push(...list);
      if (list.length === 0 || items.length >= total) break;
    }
    return { total, items, pages: page };
  }
}

interface Exercise {
  problems: string[];
  requests: number;
  dossiers: number;
  factures: number;
  pagesEtats: number;
}

const others = (clients: Client[], me: Client): Client[] => clients.filter((c) => c !== me);
const ownNumbers = (c: Client): string[] => c.cfa.cerfas.map((x) => x.numeroInterne).filter((n) => n !== SHARED);
const sorted = (list: string[]): string[] => [...list].sort();

/**
 * Seeds the CFAs through the admin API, has them all deposit, engage, sign conventions and invoice at once, then
 * checks every read path and every cross-CFA write. Returns what went wrong instead of asserting, so the same
 * exercise can be shown to catch a mock that leaks.
 */
async function exercise(breaks: string[] = []): Promise<Exercise> {
  const config: MockConfig = { admin: { token: ADMIN_TOKEN }, pageSize: 3, cfas: [] };
  const mock = await createMockApp({ store: 'memory', config, clock: frozenClock(`${DEPOT}T09:00:00Z`), breaks });
  const counter: Counter = { requests: 0 };
  const problems: string[] = [];
  const expectThat = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  const admin = async (method: 'POST' | 'PUT', url: string, body: unknown): Promise<LightMyRequestResponse> => {
    counter.requests++;
    const res = await mock.app.inject({ method, url, headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, payload: body as object });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  try {
    const cerfas = pickCerfas(CFAS * PER_CFA);
    const cfas: Cfa[] = Array.from({ length: CFAS }, (_, i) => {
      const own = cerfas.slice(i * PER_CFA, (i + 1) * PER_CFA).map((c, j) => ({ ...c, numeroInterne: j === 0 ? SHARED : `CFA${i}-D${j}` }));
      return { ...tenant(i), cerfas: own, factures: [] };
    });
    for (const c of cfas) {
      if (!isValidSiret(c.siret) || !isValidIban(c.iban)) throw new Error(`bad test tenant ${c.siret} ${c.iban}`);
    }
    const seeded = await admin('POST', '/_admin/tenants', cfas.map(({ siret, denomination, keys, iban }) => ({ siret, denomination, keys, iban })));
    expect(seeded.json().sirets).toHaveLength(CFAS);
    const clients = cfas.map((c) => new Client(mock, c, counter));

    // 1. Everyone deposits at once (every CFA, every dossier in flight together).
    const deposits = await Promise.all(clients.flatMap((cl) => cl.cfa.cerfas.map(async (cerfa) => ({ cl, cerfa, res: await cl.call('POST', '/v2/dossiers', { cerfa }) }))));
    for (const { cl, cerfa, res } of deposits) {
      if (res.statusCode !== 201) throw new Error(`${cl.cfa.denomination} deposit ${cerfa.numeroInterne}: ${res.statusCode} ${res.body}`);
    }
    await admin('PUT', '/_admin/clock', { advance: 'P6D' });
    const today = new Date(Date.parse(`${DEPOT}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);

    // 2. Everyone reads its dossiers back engaged, sends the convention and the first échéance's invoice, at once.
    await Promise.all(
      clients.map(async (cl, i) => {
        await Promise.all(
          cl.cfa.cerfas.map(async (cerfa, j) => {
            const dossier = await cl.dossier(cerfa.numeroInterne);
            if (dossier.cerfa.etat !== 'ENGAGE') throw new Error(`${cerfa.numeroInterne} of CFA ${i}: ${dossier.cerfa.etat} ${dossier.cerfa.commentaireEtat ?? ''}`);
            const convention = await cl.call('POST', '/v2/conventions', conventionDe(dossier));
            if (convention.statusCode !== 201) throw new Error(`convention ${cerfa.numeroInterne}: ${convention.statusCode} ${convention.body}`);
            const numero = `F-CFA${i}-${j}`;
            const facture = await cl.call('POST', '/v2/factures', factureDe(dossier, numero, 1, today));
            if (facture.statusCode !== 201) throw new Error(`facture ${numero}: ${facture.statusCode} ${facture.body}`);
            cl.cfa.factures.push(numero);
          }),
        );
      }),
    );

    // 3. Every read path, for every CFA.
    const snapshot = async (): Promise<Map<Client, string>> => {
      const out = new Map<Client, string>();
      for (const cl of clients) {
        const dossiers = await Promise.all(cl.cfa.cerfas.map((c) => cl.dossier(c.numeroInterne)));
        const factures = await cl.allPages<{ numeroInterneFacture: string }>('/v2/factures/etats', 'factures');
        out.set(cl, JSON.stringify({ dossiers, factures: factures.items.filter((f) => f.numeroInterneFacture.startsWith('F-')) }));
      }
      return out;
    };
    let pagesEtats = 0;
    await Promise.all(
      clients.map(async (cl) => {
        const me = cl.cfa.denomination;
        // The shared number is this CFA's own apprentice.
        const shared = await cl.dossier(SHARED);
        expectThat(shared.cerfa.apprenti.nom === cl.cfa.cerfas[0]!.apprenti.nom, `${me}: ${SHARED} reads another CFA's apprentice`);
        for (const other of others(clients, cl)) {
          for (const numero of ownNumbers(other)) {
            const res = await cl.call('GET', `/v2/dossiers?numeroInterne=${encodeURIComponent(numero)}`);
            const unknown = await cl.call('GET', `/v2/dossiers?numeroInterne=${encodeURIComponent(`${numero}-INCONNU`)}`);
            expectThat(res.statusCode === 404 && unknown.statusCode === 404, `${me}: GET /v2/dossiers?numeroInterne=${numero} (${other.cfa.denomination}) → ${res.statusCode}, unknown → ${unknown.statusCode}`);
            expectThat(res.json().code === unknown.json().code, `${me}: ${numero} answered unlike an unknown dossier`);
          }
        }
        // liste: own numbers mixed with every other CFA's, only own returned.
        const mixed = [...ownNumbers(cl), ...others(clients, cl).flatMap(ownNumbers)].sort();
        const liste = await cl.call('GET', `/v2/dossiers/liste?numerosInternes=${mixed.map(encodeURIComponent).join(',')}`);
        const listed = liste.statusCode === 200 ? (liste.json() as DossierLu[]).map((d) => d.cerfa.numeroInterne) : [];
        expectThat(liste.statusCode === 200 && JSON.stringify(sorted(listed)) === JSON.stringify(sorted(ownNumbers(cl))), `${me}: /dossiers/liste → ${liste.statusCode} ${listed.join(',')} ${liste.statusCode === 200 ? '' : liste.body.slice(0, 300)}`);
        // appairage: own apprentice found, every other CFA's apprentice (shared number included) not.
        const criteria = (c: Cerfa): string =>
          new URLSearchParams({ nom: c.apprenti.nom, prenom: c.apprenti.prenom, dateNaissance: c.apprenti.dateNaissance, siretEmployeur: c.employeur.siret, dateDebutContrat: c.contrat.dateDebutContrat }).toString();
        for (const c of cl.cfa.cerfas) {
          const res = await cl.call('GET', `/v2/dossiers/appairage?${criteria(c)}`);
          expectThat(res.statusCode === 200 && (res.json() as DossierLu[]).map((d) => d.cerfa.numeroInterne).join() === c.numeroInterne, `${me}: appairage of its own ${c.numeroInterne} → ${res.statusCode} ${res.body.slice(0, 80)}`);
        }
        for (const other of others(clients, cl)) {
          for (const c of other.cfa.cerfas) {
            const res = await cl.call('GET', `/v2/dossiers/appairage?${criteria(c)}`);
            expectThat(res.statusCode === 200 && (res.json() as unknown[]).length === 0, `${me}: appairage finds ${other.cfa.denomination}'s apprentice (${res.statusCode})`);
          }
        }
        // etats, every page: exactly own set.
        const etats = await cl.allPages<{ numeroInterne: string }>('/v2/dossiers/etats', 'EtatDossierResult');
        pagesEtats += etats.pages;
        const own = sorted(cl.cfa.cerfas.map((c) => c.numeroInterne));
        expectThat(etats.total === own.length && JSON.stringify(sorted(etats.items.map((e) => e.numeroInterne))) === JSON.stringify(own), `${me}: /dossiers/etats total ${etats.total}: ${etats.items.map((e) => e.numeroInterne).join(',')}`);
        const factures = await cl.allPages<{ numeroInterneFacture: string; organismeFormation: { siret: string } }>('/v2/factures/etats', 'factures');
        expectThat(
          factures.total === cl.cfa.factures.length && JSON.stringify(sorted(factures.items.map((f) => f.numeroInterneFacture))) === JSON.stringify(sorted(cl.cfa.factures)),
          `${me}: /factures/etats total ${factures.total}: ${factures.items.map((f) => f.numeroInterneFacture).join(',')}`,
        );
        expectThat(factures.items.every((f) => f.organismeFormation.siret === cl.cfa.siret), `${me}: /factures/etats lists another SIRET's invoice`);
      }),
    );

    // 4. Writes on another CFA's dossier: refused like an unknown dossier, the owner's data unchanged.
    const before = await snapshot();
    await Promise.all(
      clients.map(async (cl, i) => {
        const victim = clients[(i + 1) % clients.length]!;
        const target = victim.cfa.cerfas[1]!;
        const dossier = await victim.dossier(target.numeroInterne);
        const me = `${cl.cfa.denomination} → ${victim.cfa.denomination}`;
        const rupture = await cl.call('POST', '/v2/dossiers/rupture/employeur', { numeroInterne: target.numeroInterne, dateRupture: today });
        expectThat([400, 404].includes(rupture.statusCode), `${me}: rupture → ${rupture.statusCode}`);
        const convention = await cl.call('POST', '/v2/conventions', conventionDe(dossier));
        expectThat([400, 404].includes(convention.statusCode), `${me}: convention → ${convention.statusCode}`);
        const certificat = await cl.call('POST', '/v2/certificats', certificatFor(dossier, victim.cfa.factures[1] ?? 'F', 1, today));
        expectThat([400, 404].includes(certificat.statusCode), `${me}: certificat → ${certificat.statusCode}`);
        // The invoice exactly as the victim would send it (its IBAN and SIRET), and as the attacker would (its own).
        const asVictim = factureDe(dossier, `X-CFA${i}-1`, 2, today);
        const asSelf = { ...factureDe(dossier, `X-CFA${i}-2`, 1, today), organismeFormation: { ...asVictim.organismeFormation, siret: cl.cfa.siret, IBAN: cl.cfa.iban } };
        for (const facture of [asVictim, asSelf]) {
          const res = await cl.call('POST', '/v2/factures', facture);
          expectThat([400, 404].includes(res.statusCode), `${me}: facture ${facture.numeroInterneFacture} → ${res.statusCode}`);
          // A rejected invoice is listed REJETEE in the sender's own list, nowhere else.
          if (res.statusCode === 400) cl.cfa.factures.push(facture.numeroInterneFacture);
        }
      }),
    );
    const after = await snapshot();
    for (const cl of clients) expectThat(before.get(cl) === after.get(cl), `${cl.cfa.denomination}: its data changed after other CFAs' writes`);
    for (const cl of clients) {
      const factures = await cl.allPages<{ numeroInterneFacture: string; etatFacture: string }>('/v2/factures/etats', 'factures');
      const own = factures.items.filter((f) => f.numeroInterneFacture.startsWith('F-'));
      const attempts = factures.items.filter((f) => f.numeroInterneFacture.startsWith('X-'));
      expectThat(JSON.stringify(sorted(factures.items.map((f) => f.numeroInterneFacture))) === JSON.stringify(sorted(cl.cfa.factures)), `${cl.cfa.denomination}: invoices after the attempts: ${factures.items.map((f) => f.numeroInterneFacture).join(',')}`);
      expectThat(own.length === PER_CFA && attempts.every((f) => f.etatFacture === 'REJETEE'), `${cl.cfa.denomination}: cross-CFA invoice not REJETEE`);
    }
    return { problems, requests: counter.requests, dossiers: deposits.length, factures: clients.reduce((n, c) => n + c.cfa.factures.length, 0), pagesEtats };
  } finally {
    await mock.close();
  }
}

describe('isolation of CFAs on one mock OPCO', () => {
  it(`${CFAS} CFAs working at once each see exactly their own data by every read path, and cannot write to another's`, async () => {
    const run = await exercise();
    expect(run.problems).toEqual([]);
    expect(run.dossiers).toBe(CFAS * PER_CFA);
    // Each CFA lists its dossiers over more than one page (pageSize 3 for 4 dossiers).
    expect(run.pagesEtats).toBeGreaterThanOrEqual(CFAS * 2);
    console.info(`isolation: ${CFAS} CFAs, ${run.dossiers} dossiers, ${run.factures} invoices listed, ${run.requests} requests`);
  }, 60_000);

  it('the same exercise catches a mock that shows other CFAs dossiers', async () => {
    const run = await exercise(['isolation-dossier-rompue', 'isolation-etats-rompue']);
    expect(run.problems.some((p) => p.includes('GET /v2/dossiers?numeroInterne='))).toBe(true);
    expect(run.problems.some((p) => p.includes('/dossiers/etats'))).toBe(true);
  }, 60_000);
});

describe('server suite isolation rules', () => {
  const ids = ['serveur-isolation-dossier', 'serveur-isolation-etats'];
  let mock: SuiteMock | undefined;
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });

  it('are in the catalogue', () => {
    for (const id of ids) {
      expect(findRule(id)?.area).toBe('serveur');
      expect(serveurRules.map((r) => r.id)).toContain(id);
    }
  });

  const play = async (breaks: string[]) => {
    mock = await startSuiteMock(breaks.length > 0 ? { breaks } : {});
    expect(mock.target.cfaKey2).toBeDefined();
    return runSuite({
      target: mock.target,
      scenarios: loadScenarios(),
      only: ids,
      seed: 20_251_124,
      runId: 'ISO',
      timeoutMs: 10_000,
      pollIntervalMs: 5,
      schemas: await loadResponseSchemas(bundledSpecPath()),
    });
  };

  it('pass against the clean mock with two CFAs', async () => {
    const report = await play([]);
    expect(ids.map((id) => `${id}: ${report.rules.find((r) => r.ruleId === id)?.outcome}`)).toEqual(ids.map((id) => `${id}: pass`));
  }, 60_000);

  // The scenario stops at its first failed step: each broken variant is played on its own.
  it.each([
    ['isolation-dossier-rompue', 'serveur-isolation-dossier'],
    ['isolation-etats-rompue', 'serveur-isolation-etats'],
  ])('fail against a mock broken by %s', async (variant, ruleId) => {
    const report = await play([variant]);
    expect(report.rules.find((r) => r.ruleId === ruleId)?.outcome).toBe('fail');
  }, 60_000);
});
