// The mock judges with the one rule catalogue: each rule's planted violation gets the answer the norm describes.
//
// Payload rules (identifiants, cerfa, coherence) → 400 with the rule's code; eligibility rules → accepted, then REFUSE
// naming the rule; facturation rules → 400 FACTURE_REJETEE with the rule's code, and the FAQ's twelve rejections
// are each reachable.
import { afterEach, describe, expect, it } from 'vitest';
import { catalogue, rulesFor } from '../../conformance/rules/index.js';
import { ruleCode, type Rule, type RuleContext } from '../../conformance/rules/rule.js';
import type { Facture } from '../../conformance/model/payloads.js';
import { bundledReferentiel } from '../../mocks/engine/referentiel.js';
import { PAYLOAD_AREAS, ELIGIBILITY_AREA } from '../../mocks/engine/dossiers.js';
import { blocking, runRules } from '../../mocks/engine/rules.js';
import { START, startTestMock, type TestMock } from '../../mocks/testdata/harness.js';
import { factureFor, validCerfa } from '../../mocks/testdata/fixtures.js';
import { DEMO } from '../../mocks/tenants.js';

/** The FAQ's twelve invoice rejections, by the codes the spec publishes (x-motifs-rejet). */
const FAQ_REJECTIONS = [
  'FACTURE_DEJA_CONNUE',
  'IBAN_DIFFERENT_ECHEANCE',
  'FRAIS_ANNEXES_DEPASSEMENT',
  'IBAN_ABSENT',
  'MONTANT_ECHEANCE_INCORRECT',
  'SIRET_EMETTEUR_INCONNU',
  'SIRET_DIFFERENT_ECHEANCE',
  'NUMERO_EXTERNE_ABSENT',
  'ECHEANCE_NON_OUVERTE',
  'MONTANT_INCORRECT',
  'TOTAL_DIFFERENT_SOMME_LIGNES',
  'NUMERO_ECHEANCE_INCONNU',
] as const;

const today = START.slice(0, 10);
const referentiel = bundledReferentiel();
const cerfaContext: RuleContext = { today, rncpInactifs: referentiel.rncpInactifs };
const blockingCerfaRules = rulesFor('cerfa').filter((r) => r.severity === 'bloquant');
const payloadRules = blockingCerfaRules.filter((r) => (PAYLOAD_AREAS as readonly string[]).includes(r.area));
const eligibilityRules = blockingCerfaRules.filter((r) => r.area === ELIGIBILITY_AREA);
const factureRules = rulesFor('facture').filter((r) => r.severity === 'bloquant');

let mock: TestMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

/** A mock whose référentiel knows the inactive RNCP codes a planted context asks for. */
async function mockFor(context: RuleContext | undefined): Promise<TestMock> {
  const inactifs = context?.rncpInactifs ?? referentiel.rncpInactifs;
  return startTestMock({ referentiel: { ...referentiel, rncpInactifs: [...inactifs] } });
}

async function setToday(m: TestMock, day: string | undefined): Promise<void> {
  if (day && day !== today) await m.admin('PUT', '/_admin/clock', { now: `${day}T09:00:00Z` });
}

describe('the valid fixture', () => {
  it('passes every blocking rule of the catalogue for a CERFA', async () => {
    mock = await startTestMock();
    const res = await mock.call('POST', '/v2/dossiers', validCerfa('FIX-1'));
    expect(res.statusCode, res.body).toBe(201);
    await mock.advance('P5D');
    const dossier = await mock.dossier('FIX-1');
    expect(dossier.cerfa.etat, dossier.cerfa.commentaireEtat).toBe('ENGAGE');
  });
});

describe.each(payloadRules.map((r) => [r.id, r] as const))('payload rule %s', (_id, rule: Rule<'cerfa'>) => {
  it('makes the deposit fail with 400 and the rule code', async () => {
    const planted = rule.plant(validCerfa('PLANT-1'), cerfaContext);
    mock = await mockFor(planted.context);
    await setToday(mock, planted.context?.today);
    const res = await mock.call('POST', '/v2/dossiers', planted.payload);
    expect(res.statusCode, res.body).toBe(400);
    const codes = res.json().errors.map((e: { code: string }) => e.code);
    // The spec's schema may catch the planted value first; then the answer names the field instead of the rule.
    if (res.json().type.endsWith('REQUETE_INVALIDE')) return;
    expect(codes).toContain(ruleCode(rule));
  });
});

describe.each(eligibilityRules.map((r) => [r.id, r] as const))('eligibility rule %s', (_id, rule: Rule<'cerfa'>) => {
  it('lets the deposit through, then REFUSE at the decision with the reason', async () => {
    const planted = rule.plant(validCerfa('ELIG-1'), cerfaContext);
    mock = await mockFor(planted.context);
    await setToday(mock, planted.context?.today);
    const res = await mock.call('POST', '/v2/dossiers', planted.payload);
    if (res.statusCode === 400 && res.json().type.endsWith('REQUETE_INVALIDE')) return; // refused by the spec's schema
    // When the planted case also breaks a payload rule, the deposit itself must fail, naming that rule.
    const alsoPayload = blocking(runRules(planted.payload, 'cerfa', { ...cerfaContext, ...planted.context }), PAYLOAD_AREAS);
    if (alsoPayload.length > 0) {
      expect(res.statusCode, res.body).toBe(400);
      const codes = res.json().errors.map((e: { code: string }) => e.code);
      for (const f of alsoPayload) expect(codes).toContain(ruleCode(f.rule));
      return;
    }
    expect(res.statusCode, res.body).toBe(201);
    await mock.advance('P1D');
    expect((await mock.dossier('ELIG-1')).cerfa.etat).toBe('EN_COURS_INSTRUCTION');
    await mock.advance('P4D');
    const dossier = await mock.dossier('ELIG-1');
    expect(dossier.cerfa.etat).toBe('REFUSE');
    expect(dossier.cerfa.commentaireEtat).toContain(rule.title);
    expect(dossier.echeances).toEqual([]);
  });
});

describe('refusal for age', () => {
  it('refuses a 30-year-old apprentice after instruction (rule eligibilite-age-maximum)', async () => {
    const rule = catalogue.find((r) => r.id === 'eligibilite-age-maximum');
    expect(rule, 'the catalogue has the age rule').toBeDefined();
    mock = await startTestMock();
    const { payload } = rule!.plant(validCerfa('AGE-1'), cerfaContext);
    expect((await mock.call('POST', '/v2/dossiers', payload)).statusCode).toBe(201);
    await mock.advance('P5D');
    const dossier = await mock.dossier('AGE-1');
    expect(dossier.cerfa.etat).toBe('REFUSE');
    expect(dossier.cerfa.commentaireEtat).toContain(rule!.title);
    expect(dossier.cerfa.commentaireEtat).toMatch(/29 ans/);
  });
});

/** An engaged dossier and the context the mock judges invoices with. */
async function engagedForInvoices(m: TestMock): Promise<{ dossier: any; context: RuleContext }> {
  expect((await m.call('POST', '/v2/dossiers', validCerfa('FACT-D1'))).statusCode).toBe(201);
  await m.advance('P5D');
  const dossier = await m.dossier('FACT-D1');
  expect(dossier.cerfa.etat).toBe('ENGAGE');
  const now = (await m.admin('GET', '/_admin/clock')).json().now as string;
  return { dossier, context: { today: now.slice(0, 10), dossiers: [dossier], facturesConnues: [], siretsConnus: [DEMO.siret] } };
}

/**
 * Sends the planted invoice after reproducing the planted context on the mock: known invoice numbers are sent first
 * (accepted), the date becomes the clock. Other context changes cannot be reproduced through the API.
 */
async function sendPlanted(m: TestMock, valid: Facture, base: RuleContext, planted: { payload: Facture; context?: RuleContext }) {
  const ctx = planted.context;
  if (ctx) {
    for (const numero of ctx.facturesConnues ?? []) {
      if ((base.facturesConnues ?? []).includes(numero)) continue;
      const first = await m.call('POST', '/v2/factures', { ...valid, numeroInterneFacture: numero });
      expect(first.statusCode, `pre-sending ${numero}: ${first.body}`).toBe(201);
    }
    if (ctx.today && ctx.today !== base.today) await m.admin('PUT', '/_admin/clock', { now: `${ctx.today}T09:00:00Z` });
    const unsupported = (['dossiers', 'siretsConnus'] as const).filter((k) => ctx[k] !== undefined && JSON.stringify(ctx[k]) !== JSON.stringify(base[k]));
    expect(unsupported, 'a planted context the mock API cannot reproduce').toEqual([]);
  }
  return m.call('POST', '/v2/factures', planted.payload);
}

describe.each(factureRules.map((r) => [r.id, r] as const))('facturation rule %s', (_id, rule: Rule<'facture'>) => {
  it('rejects the invoice with the rule code, records it REJETEE, and accepts it once corrected', async () => {
    mock = await startTestMock();
    const { dossier, context } = await engagedForInvoices(mock);
    const valid = factureFor(dossier, 'FAC-P1', 1, context.today);
    const planted = rule.plant(valid, context);
    const res = await sendPlanted(mock, valid, context, planted);
    expect(res.statusCode, res.body).toBe(400);
    if (res.json().type.endsWith('REQUETE_INVALIDE')) return; // the spec's schema refused it first
    expect(res.json().type).toMatch(/FACTURE_REJETEE$/);
    const error = res.json().errors.find((e: { code: string }) => e.code === ruleCode(rule));
    expect(error, res.body).toBeDefined();
    expect(error.description).toMatch(/[a-zé]/);
    const etats = (await mock.call('GET', '/v2/factures/etats')).json();
    const listed = etats.factures.find((f: { numeroInterneFacture: string }) => f.numeroInterneFacture === planted.payload.numeroInterneFacture);
    // A duplicate never replaces the accepted invoice of the same number.
    expect(listed?.etatFacture).toBe(ruleCode(rule) === 'FACTURE_DEJA_CONNUE' ? 'EN_COURS_INSTRUCTION' : 'REJETEE');
    if (ruleCode(rule) !== 'FACTURE_DEJA_CONNUE') {
      await mock.admin('PUT', '/_admin/clock', { now: `${context.today}T10:00:00Z` });
      const corrected = await mock.call('POST', '/v2/factures', { ...valid, numeroInterneFacture: planted.payload.numeroInterneFacture });
      expect(corrected.statusCode, corrected.body).toBe(201);
    }
  });
});

describe("the FAQ's twelve invoice rejections", () => {
  const codes = new Set(factureRules.map((r) => ruleCode(r)));
  it.each(FAQ_REJECTIONS.map((c) => [c]))('%s is a blocking facturation rule of the catalogue', (code) => {
    expect(codes.has(code) || code === 'FACTURE_DEJA_CONNUE', `no blocking facturation rule has code ${code}`).toBe(true);
  });
});
