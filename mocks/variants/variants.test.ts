// Each broken variant is real: the conformant mock behaves as the norm says, the variant misbehaves in exactly that way.
import { afterEach, describe, expect, it } from 'vitest';
import { findRule } from '../../conformance/rules/index.js';
import type { RuleContext } from '../../conformance/rules/rule.js';
import { fixerAgeApprenti } from '../../conformance/rules/coherence/support/plant.js';
import { startTestMock, type TestMock } from '../testdata/harness.js';
import { enveloppeCerfa } from '../../conformance/model/depot-cerfa.js';
import { depotCerfa, factureFor, HEADERS, validCerfa } from '../testdata/fixtures.js';
import { DEMO } from '../tenants.js';
import { findVariant, ignoredRules, parseBreaks, UnknownVariantError, VARIANTS, type VariantId } from './index.js';
import { cinquanteCinquante } from './behaviours.js';
import { SONDES_VERDICTS, type Probe } from './sondes-verdicts.js';
import { SONDES_FINANCEMENT } from './sondes-financement.js';
import { SONDES_REFERENTIELS } from './sondes-referentiels.js';
import { SONDES_CYCLE } from './sondes-cycle.js';

const DECA = /^(0[0-9][0-9]|02[AB]|9[012345]|97[12346])([0-9]{4})([0-1][0-9])(NC|[0-9]{2})([0-9]{4})$/;
const OTHER_CFA = { siret: '42100000100006', denomination: 'Autre CFA', keys: { '*': 'other-cfa-key-123' }, iban: 'FR1420041010050500013M02606' };
const OTHER_HEADERS = { ...HEADERS, 'x-api-key': OTHER_CFA.keys['*'] };

const opened: TestMock[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((m) => m.close()));
});

async function start(breaks: VariantId[] = []): Promise<TestMock> {
  const mock = await startTestMock({ breaks });
  opened.push(mock);
  return mock;
}

async function engaged(mock: TestMock, numeroInterne = 'VAR-1', cerfa = validCerfa(numeroInterne)): Promise<any> {
  const res = await mock.call('POST', '/v2/dossiers', enveloppeCerfa(cerfa));
  expect(res.statusCode, res.body).toBe(201);
  await mock.advance('P5D');
  return mock.dossier(numeroInterne);
}

async function today(mock: TestMock): Promise<string> {
  return ((await mock.admin('GET', '/_admin/clock')).json().now as string).slice(0, 10);
}

/** An invoice of échéance 1 of an engaged dossier, with one catalogue rule planted (or valid when `rule` is absent). */
async function invoice(mock: TestMock, rule?: string): Promise<{ status: number; body: any }> {
  const dossier = await engaged(mock);
  const day = await today(mock);
  const valid = factureFor(dossier, 'FAC-V1', 1, day);
  const context: RuleContext = { today: day, dossiers: [dossier], facturesConnues: [], siretsConnus: [DEMO.siret] };
  const payload = rule ? findRule(rule)!.plant(valid, context).payload : valid;
  const res = await mock.call('POST', '/v2/factures', payload);
  return { status: res.statusCode, body: res.json() };
}


const errorCodes = (body: any): string[] => (body.errors ?? []).map((e: { code: string }) => e.code);

const PROBES: Record<VariantId, Probe> = {
  ...SONDES_VERDICTS,
  ...SONDES_FINANCEMENT,
  ...SONDES_REFERENTIELS,
  ...SONDES_CYCLE,
  'facture-total-non-controle': {
    observe: (m) => invoice(m, 'facture-total-egal-somme-lignes'),
    clean: (r) => {
      expect(r.status).toBe(400);
      expect(errorCodes(r.body)).toEqual(['TOTAL_DIFFERENT_SOMME_LIGNES']);
    },
    broken: (r) => expect(r.status).toBe(201),
  },
  'facture-doublon-acceptee': {
    observe: async (m) => {
      // Another dossier's first échéance, valid in every other way, invoiced under the number already accepted.
      expect((await m.call('POST', '/v2/dossiers', depotCerfa('VAR-2', { nom: 'DUPONT' }))).statusCode).toBe(201);
      expect((await invoice(m)).status).toBe(201);
      const autre = await m.dossier('VAR-2');
      const again = await m.call('POST', '/v2/factures', factureFor(autre, 'FAC-V1', 1, await today(m)));
      return { status: again.statusCode, body: again.json() };
    },
    clean: (r) => {
      expect(r.status).toBe(400);
      expect(errorCodes(r.body)).toContain('FACTURE_DEJA_CONNUE');
    },
    broken: (r) => expect(r, JSON.stringify(r.body)).toMatchObject({ status: 201 }),
  },
  'facture-iban-non-controle': {
    observe: (m) => invoice(m, 'facture-iban-identique-echeance'),
    clean: (r) => {
      expect(r.status).toBe(400);
      expect(errorCodes(r.body)).toEqual(['IBAN_DIFFERENT_ECHEANCE']);
    },
    broken: (r) => expect(r.status).toBe(201),
  },
  'isolation-dossier-rompue': {
    observe: async (m) => {
      expect((await m.admin('POST', '/_admin/tenants', OTHER_CFA)).statusCode).toBe(201);
      expect((await m.call('POST', '/v2/dossiers', depotCerfa('AUTRE-1'), OTHER_HEADERS)).statusCode).toBe(201);
      const mine = await m.call('GET', '/v2/dossiers?numeroInterne=AUTRE-1');
      const theirs = await m.call('GET', '/v2/dossiers?numeroInterne=AUTRE-1', undefined, OTHER_HEADERS);
      return { mine: mine.statusCode, theirs: theirs.statusCode };
    },
    clean: (r) => expect(r).toEqual({ mine: 404, theirs: 200 }),
    broken: (r) => expect(r).toEqual({ mine: 200, theirs: 200 }),
  },
  'isolation-etats-rompue': {
    observe: async (m) => {
      expect((await m.admin('POST', '/_admin/tenants', OTHER_CFA)).statusCode).toBe(201);
      expect((await m.call('POST', '/v2/dossiers', depotCerfa('AUTRE-1'), OTHER_HEADERS)).statusCode).toBe(201);
      const etats = (await m.call('GET', '/v2/dossiers/etats?numeroPage=1')).json();
      const single = await m.call('GET', '/v2/dossiers?numeroInterne=AUTRE-1');
      return { numeros: etats.EtatDossierResult.map((e: any) => e.numeroInterne), total: etats.total, single: single.statusCode };
    },
    clean: (r) => expect(r).toEqual({ numeros: [], total: 0, single: 404 }),
    // Only the listing leaks: reading the dossier itself is still refused.
    broken: (r) => expect(r).toEqual({ numeros: ['AUTRE-1'], total: 1, single: 404 }),
  },
  'etat-bloque-transmis': {
    observe: async (m) => {
      expect((await m.call('POST', '/v2/dossiers', depotCerfa('VAR-1'))).statusCode).toBe(201);
      const etats: string[] = [];
      for (const step of ['P1D', 'P4D', 'P30D']) {
        await m.advance(step);
        etats.push((await m.dossier('VAR-1')).cerfa.etat);
      }
      return etats;
    },
    clean: (r) => expect(r).toEqual(['EN_COURS_INSTRUCTION', 'ENGAGE', 'ENGAGE']),
    broken: (r) => expect(r).toEqual(['TRANSMIS', 'TRANSMIS', 'TRANSMIS']),
  },
  'engage-sans-deca': {
    observe: async (m) => {
      const d = await engaged(m);
      return { etat: d.cerfa.etat, deca: d.cerfa.numeroDeca };
    },
    clean: (r) => {
      expect(r.etat).toBe('ENGAGE');
      expect(r.deca).toMatch(DECA);
    },
    broken: (r) => expect(r).toEqual({ etat: 'ENGAGE', deca: null }),
  },
  'deca-format-invalide': {
    observe: async (m) => {
      const d = await engaged(m);
      const etats = (await m.call('GET', '/v2/dossiers/etats?numeroPage=1')).json();
      return { etat: d.cerfa.etat, deca: d.cerfa.numeroDeca, listed: etats.EtatDossierResult[0].numeroDeca };
    },
    clean: (r) => {
      expect(r.deca).toMatch(DECA);
      expect(r.listed).toBe(r.deca);
    },
    broken: (r) => {
      expect(r.etat).toBe('ENGAGE');
      expect(typeof r.deca).toBe('string');
      expect(r.deca).not.toMatch(DECA);
      expect(r.listed).toBe(r.deca);
    },
  },
  'echeancier-cinquante-cinquante': {
    observe: async (m) => {
      const d = await engaged(m);
      const firstYear = d.echeances.filter((e: any) => e.dateDebut === d.echeances[0].dateDebut);
      const year = firstYear.reduce((s: number, e: any) => s + e.montantTotal, 0);
      return { engagement: d.engagement, count: d.echeances.length, parts: firstYear.map((e: any) => Math.round((e.montantTotal / year) * 100)) };
    },
    clean: (r) => {
      expect(r.engagement).toBe(14000);
      expect(r.parts).toEqual([40, 30, 20, 10]);
    },
    // Same commitment, same échéances: only the split is wrong.
    broken: (r) => expect(r).toEqual({ engagement: 14000, count: 8, parts: [50, 50, 0, 0] }),
  },
  'rupture-sans-prorata': {
    observe: async (m) => {
      await engaged(m);
      const res = await m.call('POST', '/v2/dossiers/rupture/employeur', { numeroInterne: 'VAR-1', dateRupture: '2026-10-14' });
      const d = res.json();
      return { status: res.statusCode, etat: d.cerfa.etat, count: d.echeances.length, engagement: d.engagement };
    },
    clean: (r) => {
      expect(r).toMatchObject({ status: 200, etat: 'RUPTURE' });
      expect(r.count).toBeLessThan(8);
      expect(r.engagement).toBeLessThan(14000);
    },
    broken: (r) => expect(r).toEqual({ status: 200, etat: 'RUPTURE', count: 8, engagement: 14000 }),
  },
  'json-malforme-500': {
    observe: async (m) => {
      const res = await m.app.inject({ method: 'POST', url: '/v2/dossiers', headers: { ...HEADERS, 'content-type': 'application/json' }, payload: '{"numeroInterne": ' });
      return { status: res.statusCode, codes: errorCodes(res.json()) };
    },
    clean: (r) => expect(r).toEqual({ status: 400, codes: ['JSON_MALFORME'] }),
    broken: (r) => expect(r.status).toBe(500),
  },
  'editeur-non-exige': {
    observe: async (m) => {
      const { editeur: _e, ...sansEditeur } = HEADERS;
      const { logiciel: _l, ...sansLogiciel } = HEADERS;
      return {
        sansEditeur: (await m.call('GET', '/v2/dossiers/etats?numeroPage=1', undefined, sansEditeur)).statusCode,
        sansLogiciel: (await m.call('GET', '/v2/dossiers/etats?numeroPage=1', undefined, sansLogiciel)).statusCode,
      };
    },
    clean: (r) => expect(r).toEqual({ sansEditeur: 400, sansLogiciel: 400 }),
    broken: (r) => expect(r).toEqual({ sansEditeur: 200, sansLogiciel: 400 }),
  },
  'cle-api-inconnue-acceptee': {
    observe: async (m) => {
      const { 'x-api-key': _k, ...sansCle } = HEADERS;
      return {
        inconnue: (await m.call('GET', '/v2/dossiers/etats?numeroPage=1', undefined, { ...HEADERS, 'x-api-key': 'cle-inventee' })).statusCode,
        absente: (await m.call('GET', '/v2/dossiers/etats?numeroPage=1', undefined, sansCle)).statusCode,
      };
    },
    clean: (r) => expect(r).toEqual({ inconnue: 403, absente: 401 }),
    broken: (r) => expect(r).toEqual({ inconnue: 200, absente: 401 }),
  },
  'dossier-inconnu-200-vide': {
    observe: async (m) => {
      const res = await m.call('GET', '/v2/dossiers?numeroInterne=INCONNU-1');
      return { status: res.statusCode, body: res.body };
    },
    clean: (r) => {
      expect(r.status).toBe(404);
      expect(errorCodes(JSON.parse(r.body))).toEqual(['DOSSIER_INCONNU']);
    },
    broken: (r) => expect(r).toEqual({ status: 200, body: '' }),
  },
  'erreurs-sans-liste': {
    observe: async (m) => {
      const res = await m.call('GET', '/v2/dossiers?numeroInterne=INCONNU-1');
      return { status: res.statusCode, type: res.headers['content-type'], body: res.json() };
    },
    clean: (r) => {
      expect(r.status).toBe(404);
      expect(r.body.errors).toEqual([expect.objectContaining({ code: 'DOSSIER_INCONNU' })]);
    },
    broken: (r) => {
      expect(r.status).toBe(404);
      expect(r.type).toMatch(/^application\/problem\+json/);
      expect(r.body).toMatchObject({ status: 404, type: 'urn:convergence:probleme:DOSSIER_INCONNU' });
      expect(r.body).not.toHaveProperty('errors');
    },
  },
  'pagination-total-faux': {
    observe: async (m) => {
      for (const n of ['VAR-1', 'VAR-2']) {
        expect((await m.call('POST', '/v2/dossiers', depotCerfa(n, { nom: `NOM${n.slice(-1) === '1' ? 'A' : 'B'}` }))).statusCode).toBe(201);
      }
      const etats = (await m.call('GET', '/v2/dossiers/etats?numeroPage=1')).json();
      return { total: etats.total, count: etats.count, items: etats.EtatDossierResult.length };
    },
    clean: (r) => expect(r).toEqual({ total: 2, count: 2, items: 2 }),
    broken: (r) => expect(r).toEqual({ total: 3, count: 2, items: 2 }),
  },
  'age-maximum-non-controle': {
    observe: async (m) => {
      const cerfa = validCerfa('VAR-1');
      fixerAgeApprenti(cerfa, 35);
      const d = await engaged(m, 'VAR-1', cerfa);
      return { etat: d.cerfa.etat, commentaire: d.cerfa.commentaireEtat };
    },
    clean: (r) => {
      expect(r.etat).toBe('REFUSE');
      expect(r.commentaire).toContain(findRule('eligibilite-age-maximum')!.title);
    },
    broken: (r) => expect(r).toEqual({ etat: 'ENGAGE', commentaire: null }),
  },
  'montant-regle-fige': {
    observe: async (m) => {
      expect((await invoice(m)).status).toBe(201);
      await m.advance('P30D');
      const etat = (await m.call('GET', '/v2/factures/etats?numeroPage=1')).json().factures[0].etatFacture;
      const e1 = (await m.dossier('VAR-1')).echeances[0];
      return { etat, regle: e1.montantRegle, enCours: e1.montantEnCoursInstruction, total: e1.montantTotal };
    },
    clean: (r) => expect(r).toEqual({ etat: 'REGLE', regle: r.total, enCours: 0, total: r.total }),
    broken: (r) => expect(r).toEqual({ etat: 'REGLE', regle: 0, enCours: r.total, total: r.total }),
  },
  'corps-volumineux-accepte': {
    observe: async (m) => {
      const cerfa = { ...depotCerfa('VAR-1'), remarques: 'x'.repeat(11 * 1024 * 1024) };
      const res = await m.call('POST', '/v2/dossiers', cerfa);
      return { status: res.statusCode };
    },
    clean: (r) => expect(r.status).toBe(413),
    broken: (r) => expect(r.status).not.toBe(413),
  },
};

describe('the variant registry', () => {
  it('has at least 15 variants with unique kebab-case ids, an English description and the rules they break', () => {
    expect(VARIANTS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(VARIANTS.map((v) => v.id)).size).toBe(VARIANTS.length);
    for (const v of VARIANTS) {
      expect(v.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(v.description.length, v.id).toBeGreaterThan(10);
      expect(v.breaks.length, v.id).toBeGreaterThan(0);
    }
  });

  it('ignores only catalogue rules that exist', () => {
    for (const v of VARIANTS) for (const id of ('ignores' in v ? v.ignores : [])) expect(findRule(id), `${v.id} ignores ${id}`).toBeDefined();
    expect([...ignoredRules(parseBreaks(['facture-total-non-controle']))]).toEqual(['facture-total-egal-somme-lignes']);
    expect(ignoredRules(parseBreaks([])).size).toBe(0);
  });

  it('refuses an unknown variant id instead of serving a conformant mock', async () => {
    expect(() => parseBreaks(['facture-total-non-controle', 'nope'])).toThrow(UnknownVariantError);
    await expect(startTestMock({ breaks: ['nope'] })).rejects.toThrow(/unknown variant\(s\): nope/);
    expect(findVariant('nope')).toBeUndefined();
  });

  it('keeps yearly amounts when splitting 50/50', () => {
    const plan = [40, 30, 20, 10].map((pct, i) => ({
      numero: i + 1, codification: `E${i + 1}`, montantTotal: pct * 70.01, montantPedagogique: pct * 70.01, montantMajorationRQTH: 0,
      dateOuverture: '2026-01-15', dateDebut: '2026-01-15', dateFin: '2027-01-14', iban: 'x', siret: 'y',
    }));
    const split = cinquanteCinquante(plan);
    expect(split.map((e) => e.montantTotal)).toEqual([3500.5, 3500.5, 0, 0]);
    expect(plan[0]!.montantTotal).toBeCloseTo(2800.4);
  });
});

describe.each(VARIANTS.map((v) => [v.id] as const))('variant %s', (id) => {
  const probe = PROBES[id];
  it('the conformant mock behaves as the norm says', async () => {
    probe.clean(await probe.observe(await start()));
  });
  it('the broken mock misbehaves in exactly that way', async () => {
    probe.broken(await probe.observe(await start([id])));
  });
});
