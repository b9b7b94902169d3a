// Test support of mocks/variants/variants.test.ts: the probes of the variants added for issue 13 (verdicts you can trust).
import { expect } from 'vitest';
import { enveloppeCerfa } from '../../conformance/model/depot-cerfa.js';
import { depotCerfa, HEADERS, validCerfa } from '../testdata/fixtures.js';
import type { TestMock } from '../testdata/harness.js';

/**
 * One observation per variant: what a client sees of the behaviour the variant breaks. The conformant mock must give
 * `clean`, the broken one `broken` (each checked separately so a failure names the side).
 */
export interface Probe {
  observe(mock: TestMock): Promise<unknown>;
  clean(value: any): void;
  broken(value: any): void;
}

const OTHER_CFA = { siret: '42100000100006', denomination: 'Autre CFA', keys: { '*': 'other-cfa-key-456' }, iban: 'FR1420041010050500013M02606' };
const cents = (n: number): number => Math.round(n * 100);

async function engaged(m: TestMock, numeroInterne = 'VAR-1'): Promise<any> {
  const res = await m.call('POST', '/v2/dossiers', enveloppeCerfa(validCerfa(numeroInterne)));
  expect(res.statusCode, res.body).toBe(201);
  await m.advance('P5D');
  return m.dossier(numeroInterne);
}

export const SONDES_VERDICTS = {
  'rupture-annee-entiere': {
    observe: async (m) => {
      const avant = await engaged(m);
      const debut = avant.cerfa.contrat.dateDebutContrat.slice(0, 10);
      const premiereAnnee = (l: any[]) => l.filter((e) => e.dateDebut?.slice(0, 10) === debut).reduce((s, e) => s + cents(e.montantTotal), 0);
      const res = await m.call('POST', '/v2/dossiers/rupture/employeur', { numeroInterne: 'VAR-1', dateRupture: avant.echeances[1].dateOuverture.slice(0, 10) });
      const apres = res.json();
      return { status: res.statusCode, etat: apres.cerfa.etat, annee: premiereAnnee(apres.echeances), entiere: premiereAnnee(avant.echeances), plusTard: apres.echeances.filter((e: any) => e.dateDebut?.slice(0, 10) > debut).length };
    },
    clean: (r) => {
      expect(r).toMatchObject({ status: 200, etat: 'RUPTURE', plusTard: 0 });
      expect(r.annee).toBeLessThan(r.entiere);
    },
    // Later years dropped, as the norm says; the rupture year kept whole.
    broken: (r) => expect(r).toEqual({ status: 200, etat: 'RUPTURE', annee: r.entiere, entiere: r.entiere, plusTard: 0 }),
  },
  'redepot-accepte': {
    observe: async (m) => {
      const premier = await m.call('POST', '/v2/dossiers', depotCerfa('VAR-1'));
      const second = await m.call('POST', '/v2/dossiers', depotCerfa('VAR-1'));
      return { premier: premier.statusCode, second: second.statusCode, codes: (second.json().errors ?? []).map((e: any) => e.code) };
    },
    clean: (r) => expect(r).toEqual({ premier: 201, second: 409, codes: ['DOSSIER_DEJA_CONNU'] }),
    broken: (r) => expect(r).toEqual({ premier: 201, second: 201, codes: [] }),
  },
  'numero-page-ignore': {
    observe: async (m) => {
      // One more dossier than the mock's page (50): the list takes two pages.
      for (let i = 1; i <= 51; i++) expect((await m.call('POST', '/v2/dossiers', depotCerfa(`VAR-${i}`))).statusCode).toBe(201);
      const page2 = (await m.call('GET', '/v2/dossiers/etats?numeroPage=2')).json();
      return { total: page2.total, page: page2.page, count: page2.count };
    },
    clean: (r) => expect(r).toEqual({ total: 51, page: 2, count: 1 }),
    broken: (r) => expect(r).toEqual({ total: 51, page: 1, count: 50 }),
  },
  'erreurs-sans-champ': {
    observe: async (m) => {
      const depot = depotCerfa('VAR-1');
      const res = await m.call('POST', '/v2/dossiers', { cerfa: { ...depot.cerfa, contrat: { ...depot.cerfa.contrat, dateDebutContrat: '01/09/2025' } } });
      const errors = res.json().errors ?? [];
      return { status: res.statusCode, coded: errors.every((e: any) => typeof e.code === 'string'), champs: errors.map((e: any) => e.champ).filter(Boolean) };
    },
    clean: (r) => {
      expect(r).toMatchObject({ status: 400, coded: true });
      expect(r.champs).toContain('cerfa.contrat.dateDebutContrat');
    },
    broken: (r) => expect(r).toEqual({ status: 400, coded: true, champs: [] }),
  },
  'reponses-texte-brut': {
    observe: async (m) => {
      const ok = await m.call('GET', '/v2/status');
      const erreur = await m.call('GET', '/v2/dossiers?numeroInterne=INCONNU');
      return { ok: [ok.statusCode, String(ok.headers['content-type']).split(';')[0]], json: typeof ok.json(), erreur: [erreur.statusCode, String(erreur.headers['content-type']).split(';')[0]] };
    },
    clean: (r) => expect(r).toEqual({ ok: [200, 'application/json'], json: 'object', erreur: [404, 'application/problem+json'] }),
    broken: (r) => expect(r).toEqual({ ok: [200, 'text/plain'], json: 'object', erreur: [404, 'application/problem+json'] }),
  },
  'retry-after-absent': {
    observe: async (m) => {
      const res = await m.call('GET', '/v2/dossiers/etats?numeroPage=1', undefined, { ...HEADERS, prefer: 'code=429' });
      return { status: res.statusCode, retryAfter: res.headers['retry-after'] ?? null };
    },
    clean: (r) => expect(r).toEqual({ status: 429, retryAfter: '1' }),
    broken: (r) => expect(r).toEqual({ status: 429, retryAfter: null }),
  },
  'appairage-tous-les-cfa': {
    observe: async (m) => {
      expect((await m.admin('POST', '/_admin/tenants', OTHER_CFA)).statusCode).toBe(201);
      const cerfa = validCerfa('VAR-1');
      expect((await m.call('POST', '/v2/dossiers', enveloppeCerfa(cerfa))).statusCode).toBe(201);
      const q = new URLSearchParams({ nom: cerfa.apprenti.nom, prenom: cerfa.apprenti.prenom, dateNaissance: cerfa.apprenti.dateNaissance, siretEmployeur: cerfa.employeur.siret, dateDebutContrat: cerfa.contrat.dateDebutContrat });
      const lu = async (headers: Record<string, string>) => ((await m.call('GET', `/v2/dossiers/appairage?${q}`, undefined, headers)).json() as any[]).map((d) => d.cerfa.numeroInterne);
      return { proprietaire: await lu(HEADERS), autre: await lu({ ...HEADERS, 'x-api-key': OTHER_CFA.keys['*'] }) };
    },
    clean: (r) => expect(r).toEqual({ proprietaire: ['VAR-1'], autre: [] }),
    broken: (r) => expect(r).toEqual({ proprietaire: ['VAR-1'], autre: ['VAR-1'] }),
  },
} satisfies Record<string, Probe>;
