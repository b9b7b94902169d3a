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
import { conventionFor, factureFor, FRAIS_VALIDES, depotCerfa, validCerfa } from '../../mocks/testdata/fixtures.js';
import { DEMO } from '../../mocks/tenants.js';


const today = START.slice(0, 10);
const referentiel = bundledReferentiel();
const cerfaContext: RuleContext = { today, rncpInactifs: referentiel.rncpInactifs };
const blockingCerfaRules = rulesFor('cerfa').filter((r) => r.severity === 'bloquant');
const payloadRules = blockingCerfaRules.filter((r) => (PAYLOAD_AREAS as readonly string[]).includes(r.area));
const eligibilityRules = blockingCerfaRules.filter((r) => r.area === ELIGIBILITY_AREA);
// The `schema` rule turns a shell's schema verdict into findings: the mock judges the schema itself, before its rules
// (an invalid body is a 400 REQUETE_INVALIDE naming the field, tests/e2e/mock-admin.test.ts).
const factureRules = rulesFor('facture').filter((r) => r.severity === 'bloquant' && r.area !== 'schema');

let mock: TestMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

/** A mock whose référentiel knows what a planted context asks for: inactive or non-eligible RNCP codes, SIRENE entries. */
async function mockFor(context: RuleContext | undefined): Promise<TestMock> {
  const inactifs = context?.rncpInactifs ?? referentiel.rncpInactifs;
  const nonEligibles = context?.rncpNonEligibles ?? referentiel.rncpNonEligibles ?? [];
  const sirene = { ...referentiel.sirene!, etablissements: { ...referentiel.sirene!.etablissements, ...context?.sirene?.etablissements } };
  return startTestMock({ referentiel: { ...referentiel, rncpInactifs: [...inactifs], rncpNonEligibles: [...nonEligibles], sirene } });
}

async function setToday(m: TestMock, day: string | undefined): Promise<void> {
  if (day && day !== today) await m.admin('PUT', '/_admin/clock', { now: `${day}T09:00:00Z` });
}

describe('the valid fixture', () => {
  it('passes every blocking rule of the catalogue for a CERFA', async () => {
    mock = await startTestMock();
    const res = await mock.call('POST', '/v2/dossiers', depotCerfa('FIX-1'));
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
    const res = await mock.call('POST', '/v2/dossiers', { cerfa: planted.payload });
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
    // The OPCO's earlier contracts a plant relies on (successions) are deposited first; the mock finds them by NIR.
    for (const { cerfa: lu } of planted.context?.dossiers ?? []) {
      const { numeroExterne: _e, numeroDeca: _d, etat: _s, commentaireEtat: _c, ...cerfa } = lu;
      const precedent = await mock.call('POST', '/v2/dossiers', { cerfa });
      expect(precedent.statusCode, precedent.body).toBe(201);
    }
    const res = await mock.call('POST', '/v2/dossiers', { cerfa: planted.payload });
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
    expect((await mock.call('POST', '/v2/dossiers', { cerfa: payload })).statusCode).toBe(201);
    await mock.advance('P5D');
    const dossier = await mock.dossier('AGE-1');
    expect(dossier.cerfa.etat).toBe('REFUSE');
    expect(dossier.cerfa.commentaireEtat).toContain(rule!.title);
    expect(dossier.cerfa.commentaireEtat).toMatch(/29 ans/);
  });
});

/** An engaged dossier with a convention (so frais annexes are committed) and the context the mock judges invoices with. */
async function engagedForInvoices(m: TestMock): Promise<{ dossier: any; context: RuleContext; valid: Facture }> {
  const cerfa = validCerfa('FACT-D1');
  expect((await m.call('POST', '/v2/dossiers', { cerfa })).statusCode).toBe(201);
  const convention = await m.call('POST', '/v2/conventions', conventionFor(cerfa));
  expect(convention.statusCode, convention.body).toBe(201);
  await m.advance('P5D');
  const dossier = await m.dossier('FACT-D1');
  expect(dossier.cerfa.etat).toBe('ENGAGE');
  const now = (await m.admin('GET', '/_admin/clock')).json().now as string;
  const context: RuleContext = { today: now.slice(0, 10), dossiers: [dossier], facturesConnues: [], siretsConnus: [DEMO.siret] };
  const valid = factureFor(dossier, 'FAC-P1', 1, context.today, { fraisAnnexes: FRAIS_VALIDES, certificat: true });
  // A certificat de réalisation received: the contract has started, so a plant that moves the clock months on (the
  // balances of FIN-22) finds it engaged, not cancelled as "non commencé".
  const certificat = await m.call('POST', '/v2/certificats', valid.certificatRealisation);
  expect(certificat.statusCode, certificat.body).toBe(201);
  return { dossier, context, valid };
}

type Skip = (note?: string) => void;

/**
 * Sends the planted invoice after reproducing the planted context through the API: known invoice numbers are sent
 * first, SIRETs the OPCO should know become tenants, a later date becomes the clock. A context the API cannot
 * produce (an OPCO-side dossier changed, a CFA forgotten, a date before the decision) skips the case.
 */
async function sendPlanted(m: TestMock, skip: Skip, valid: Facture, base: RuleContext, planted: { payload: Facture; context?: RuleContext }) {
  const ctx = planted.context;
  if (ctx) {
    if (ctx.dossiers !== undefined && JSON.stringify(ctx.dossiers) !== JSON.stringify(base.dossiers)) skip('the planted context changes an OPCO-side dossier');
    const removed = (base.siretsConnus ?? []).filter((s) => !(ctx.siretsConnus ?? []).includes(s));
    if (ctx.siretsConnus !== undefined && removed.length > 0) skip('the planted context makes the OPCO forget a CFA');
    if (ctx.today !== undefined && ctx.today < (base.today ?? '')) skip('the planted date is before the decision');
    for (const siret of (ctx.siretsConnus ?? []).filter((s) => !(base.siretsConnus ?? []).includes(s))) {
      const seeded = await m.admin('POST', '/_admin/tenants', { siret, denomination: 'CFA connu', keys: { '*': `key-${siret}` }, iban: DEMO.iban });
      expect(seeded.statusCode, seeded.body).toBe(201);
    }
    for (const numero of ctx.facturesConnues ?? []) {
      if ((base.facturesConnues ?? []).includes(numero)) continue;
      const first = await m.call('POST', '/v2/factures', { ...valid, numeroInterneFacture: numero, certificatRealisation: { ...valid.certificatRealisation!, numeroInterneFacture: numero } });
      expect(first.statusCode, `pre-sending ${numero}: ${first.body}`).toBe(201);
    }
    if (ctx.today && ctx.today !== base.today) await m.admin('PUT', '/_admin/clock', { now: `${ctx.today}T09:00:00Z` });
  }
  return m.call('POST', '/v2/factures', planted.payload);
}

describe('the valid invoice', () => {
  it('with frais annexes and an embedded certificat is accepted, and the committed frais are shown', async () => {
    mock = await startTestMock();
    const { dossier, valid } = await engagedForInvoices(mock);
    expect(dossier.engagementsFraisAnnexe).toEqual([
      { natureFrais: 'RESTAURATION', quantite: 100, prixUnitaire: 3, montantTotal: 300 },
      { natureFrais: 'HEBERGEMENT', quantite: 20, prixUnitaire: 6, montantTotal: 120 },
      { natureFrais: 'PREMIER_EQUIPEMENT', quantite: 1, prixUnitaire: 500, montantTotal: 500 },
    ]);
    const res = await mock.call('POST', '/v2/factures', valid);
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe.each(factureRules.map((r) => [r.id, r] as const))('facturation rule %s', (_id, rule: Rule<'facture'>) => {
  it('rejects the invoice with the rule code, records it REJETEE, and accepts it once corrected', async ({ skip }) => {
    mock = await startTestMock();
    const { context, valid } = await engagedForInvoices(mock);
    const planted = rule.plant(valid, context);
    const res = await sendPlanted(mock, skip, valid, context, planted);
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
    if (ruleCode(rule) !== 'FACTURE_DEJA_CONNUE' && listed?.etatFacture === 'REJETEE') {
      await mock.admin('PUT', '/_admin/clock', { now: `${context.today}T10:00:00Z` });
      const numero = planted.payload.numeroInterneFacture;
      const corrected = await mock.call('POST', '/v2/factures', { ...valid, numeroInterneFacture: numero, certificatRealisation: { ...valid.certificatRealisation!, numeroInterneFacture: numero } });
      expect(corrected.statusCode, corrected.body).toBe(201);
    }
  });
});

/** The FAQ's twelve rejection motives, each produced by changing a valid invoice the way a CFA's software could get it wrong. */
const FAQ_MOTIVES: { motif: string; rule: string; change: (f: Facture, helpers: { autreSiret: string }) => void; before?: 'send-valid-first' }[] = [
  { motif: 'La Facture est déjà connue de notre système', rule: 'facture-deja-connue', change: () => undefined, before: 'send-valid-first' },
  { motif: "L'IBAN de l'émetteur est différent de celui connu dans l'échéance", rule: 'facture-iban-identique-echeance', change: (f) => void (f.organismeFormation.IBAN = 'FR1420041010050500013M02606') },
  {
    motif: 'Le montant des frais annexes excède le plafond ou le montant engagé',
    rule: 'facture-frais-annexes-montant-engage',
    change: (f) => {
      const ligne = f.lignes[0]!;
      ligne.fraisAnnexes = [{ nature: 'RESTAURATION', quantite: 200, prixUnitaire: 3, montant: 600 }];
      ligne.montant = Math.round((ligne.montantPedagogique + (ligne.montantMajorationRQTH ?? 0) + 600) * 100) / 100;
      f.montantTotal = ligne.montant;
    },
  },
  { motif: "L'IBAN de l'émetteur (CFA) n'est pas renseigné", rule: 'facture-iban-emetteur-renseigne', change: (f) => void delete f.organismeFormation.IBAN },
  { motif: "Le montant de l'échéance ne correspond pas au montant attendu", rule: 'facture-montant-echeance-attendu', change: (f) => void (f.lignes[0]!.montantEcheance += 100) },
  { motif: "Le SIRET de l'émetteur est inconnu de l'OPCO", rule: 'facture-siret-emetteur-connu', change: (f) => void (f.organismeFormation.siret = '77770000000030') },
  { motif: "Le SIRET associé à la facture est différent du SIRET de l'échéance", rule: 'facture-siret-identique-echeance', change: (f, h) => void (f.organismeFormation.siret = h.autreSiret) },
  { motif: 'Le numéro externe du dossier doit être renseigné', rule: 'facture-numero-externe-renseigne', change: (f) => void delete f.lignes[0]!.numeroExterneDossier },
  {
    motif: "L'échéance n'est pas ouverte à la facturation",
    rule: 'facture-echeance-ouverte',
    change: (f) => {
      // Échéance 2 opens at the 7th month; the clock is in the first weeks of the contract.
      const ligne = f.lignes[0]!;
      ligne.numeroEcheance = 2;
      ligne.montantEcheance = 2100;
      ligne.montantPedagogique = 2100;
      ligne.montant = 2100;
      delete ligne.fraisAnnexes;
      f.montantTotal = 2100;
      delete f.certificatRealisation;
    },
  },
  {
    motif: 'Le montant ne correspond pas au montant attendu',
    rule: 'facture-montant-attendu',
    change: (f) => {
      const ligne = f.lignes[0]!;
      ligne.montantPedagogique += 100;
      ligne.montant += 100;
      f.montantTotal += 100;
    },
  },
  { motif: 'Le montant total de la facture doit correspondre à la somme des montants des lignes', rule: 'facture-total-egal-somme-lignes', change: (f) => void (f.montantTotal += 1) },
  { motif: "Le numéro d'échéance est inconnu", rule: 'facture-numero-echeance-connu', change: (f) => void (f.lignes[0]!.numeroEcheance = 99) },
];

describe("the FAQ's twelve invoice rejections", () => {
  it('lists twelve distinct motives', () => {
    expect(new Set(FAQ_MOTIVES.map((m) => m.motif)).size).toBe(12);
  });

  it.each(FAQ_MOTIVES.map((m) => [m.motif, m] as const))('%s', async (_motif, motive) => {
    const rule = catalogue.find((r) => r.id === motive.rule);
    expect(rule, `rule ${motive.rule} in the catalogue`).toBeDefined();
    mock = await startTestMock();
    const autreSiret = '42100000100006';
    await mock.admin('POST', '/_admin/tenants', { siret: autreSiret, denomination: 'Autre CFA', keys: { '*': 'other-cfa-key-123' }, iban: DEMO.iban });
    const { valid } = await engagedForInvoices(mock);
    if (motive.before === 'send-valid-first') expect((await mock.call('POST', '/v2/factures', valid)).statusCode).toBe(201);
    const facture = structuredClone(valid);
    motive.change(facture, { autreSiret });
    const res = await mock.call('POST', '/v2/factures', facture);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().type).toMatch(/FACTURE_REJETEE$/);
    expect(res.json().errors.map((e: { code: string }) => e.code), res.body).toContain(ruleCode(rule!));
  });
});
