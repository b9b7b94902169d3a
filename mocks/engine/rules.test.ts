// What the mock adds to a CERFA's judging context: the référentiel's RNCP and SIRENE parts, the previous contracts.
import { afterEach, describe, expect, it } from 'vitest';
import { enveloppeCerfa } from '../../conformance/model/depot-cerfa.js';
import type { Cerfa } from '../../conformance/model/payloads.js';
import { findRule } from '../../conformance/rules/index.js';
import { frozenClock } from '../clock.js';
import { bundledProfiles, DEFAULT_OPCO } from '../profiles.js';
import { startTestMock, START, type TestMock } from '../testdata/harness.js';
import { validCerfa } from '../testdata/fixtures.js';
import { DEFAULT_DELAIS, DEMO } from '../tenants.js';
import { engineContext, type EngineContext } from './context.js';
import { bundledReferentiel } from './referentiel.js';
import { blocking, constatsContratPrecedent, contexteReferentiel, contratsPrecedents, runRules } from './rules.js';

const referentiel = bundledReferentiel();
const tenant = { siret: DEMO.siret, denomination: 'CFA de démonstration', keys: { '*': DEMO.apiKey }, iban: DEMO.iban };

let mock: TestMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

/** The engine context of the demo CFA's requests on the default OPCO, over the test mock's store, on its clock. */
async function contexte(m: TestMock): Promise<EngineContext> {
  const now = (await m.admin('GET', '/_admin/clock')).json().now as string;
  const runtime = { store: m.store, clock: frozenClock(now), tenants: { sirets: () => [DEMO.siret] } };
  return engineContext({ runtime, delais: { ...DEFAULT_DELAIS }, pageSize: 50, referentiel }, bundledProfiles().get(DEFAULT_OPCO)!, tenant, DEFAULT_OPCO);
}

const base = { today: START.slice(0, 10), rncpInactifs: referentiel.rncpInactifs, siretCfa: DEMO.siret };
const bloquantes = (cerfa: Cerfa, extra: object = {}) =>
  blocking(runRules(cerfa, 'cerfa', { ...base, ...contexteReferentiel(referentiel, cerfa), ...extra })).map((f) => f.rule.id);

describe('the référentiel in the judging context', () => {
  it('gives the non-eligible RNCP codes and, for a CERFA, only its own SIRETs from the SIRENE sample', () => {
    const ctx = contexteReferentiel(referentiel, validCerfa());
    expect(ctx.rncpNonEligibles).toEqual(['RNCP99901', 'RNCP99902']);
    expect(ctx.sirene?.exhaustif).toBe(false);
    expect(Object.keys(ctx.sirene!.etablissements).sort()).toEqual(['42100000100006', DEMO.siret].sort());
    expect(contexteReferentiel(referentiel)).toEqual({ rncpNonEligibles: ['RNCP99901', 'RNCP99902'] });
  });

  it('lets the fixture through, its SIRETs judged (not skipped) as open establishments at their address', () => {
    const cerfa = validCerfa();
    const context = { ...base, ...contexteReferentiel(referentiel, cerfa) };
    expect(bloquantes(cerfa)).toEqual([]);
    for (const id of ['siret-etablissement-actif', 'coherence-siret-adresse-employeur', 'cerfa-employeur-public-celia', 'eligibilite-rncp-eligible-apprentissage']) {
      expect(findRule(id)!.check(cerfa, context).outcome, id).toBe('pass');
    }
  });

  it('refuses what the samples say: a closed employer, one not yet created, a non-eligible certification', () => {
    const avec = (edit: (c: Cerfa) => void): Cerfa => {
      const c = validCerfa();
      edit(c);
      return c;
    };
    expect(bloquantes(avec((c) => (c.employeur.siret = '51234567900017')))).toEqual(['siret-etablissement-actif']);
    // Non-diffusible: the OPCO reads it, no refusal.
    expect(bloquantes(avec((c) => (c.employeur.siret = '52345678800018')))).toEqual([]);
    expect(bloquantes(avec((c) => (c.employeur.siret = '54567890600011')))).toEqual(['siret-etablissement-actif']);
    expect(bloquantes(avec((c) => (c.formation.rncp = 'RNCP99901')))).toEqual(['eligibilite-rncp-eligible-apprentissage']);
    // The commune is public: an information, the deposit goes through.
    expect(bloquantes(avec((c) => (c.employeur.siret = '21690123100011')))).toEqual([]);
  });
});

describe('the previous contracts of a succession', () => {
  async function precedent(m: TestMock): Promise<any> {
    expect((await m.call('POST', '/v2/dossiers', enveloppeCerfa(validCerfa('PREC-1')))).statusCode).toBe(201);
    await m.advance('P5D');
    const lu = await m.dossier('PREC-1');
    expect(lu.cerfa.etat).toBe('ENGAGE');
    return lu;
  }

  it('finds the dossier the CERFA names by DECA number, or by NIR; none for a first contract', async () => {
    mock = await startTestMock();
    const lu = await precedent(mock);
    const ctx = await contexte(mock);
    const suite = findRule('eligibilite-contrat-successif-delai')!.plant(validCerfa('SUIV-1'), { dossiers: [lu] }).payload;
    expect(suite.contrat.numeroContratPrecedent).toBe(lu.cerfa.numeroDeca);
    expect((await contratsPrecedents(ctx, suite)).map((d) => d.cerfa.numeroInterne)).toEqual(['PREC-1']);
    const parNir = { ...validCerfa('SUIV-2'), contrat: { ...validCerfa().contrat, typeContratApp: 21 } };
    expect((await contratsPrecedents(ctx, parNir)).map((d) => d.cerfa.numeroDeca)).toEqual([lu.cerfa.numeroDeca]);
    expect(await contratsPrecedents(ctx, validCerfa('SUIV-3'))).toEqual([]);
  });

  it('judges the successive-contract rules against it at the decision, through the variant filter', async () => {
    mock = await startTestMock();
    const lu = await precedent(mock);
    const ctx = await contexte(mock);
    for (const id of ['eligibilite-contrat-successif-delai', 'eligibilite-remuneration-contrat-precedent']) {
      const suite = findRule(id)!.plant(validCerfa(`SUIV-${id}`), { dossiers: [lu] }).payload;
      // The deposit's own judging has no dossiers: the rule skips there.
      expect(findRule(id)!.check(suite, base).outcome).toBe('skip');
      const findings = await constatsContratPrecedent(ctx, suite, base);
      expect(blocking(findings).map((f) => f.rule.id), id).toEqual([id]);
      const ignore = { ...ctx, comportement: { ...ctx.comportement, constats: <F extends { rule: { id: string } }>(f: F[]) => f.filter((x) => x.rule.id !== id) } };
      expect(blocking(await constatsContratPrecedent(ignore, suite, base))).toEqual([]);
    }
    expect(await constatsContratPrecedent(ctx, validCerfa('SUIV-9'), base)).toEqual([]);
  });
});
