// Test support of mocks/variants/variants.test.ts: the probes of the issue 14 variants (référentiels, NIR, successions).
import { expect } from 'vitest';
import { enveloppeCerfa } from '../../conformance/model/depot-cerfa.js';
import type { Cerfa } from '../../conformance/model/payloads.js';
import { findRule } from '../../conformance/rules/index.js';
import { validCerfa } from '../testdata/fixtures.js';
import type { TestMock } from '../testdata/harness.js';
import type { Probe } from './sondes-verdicts.js';

const codes = (body: any): string[] => (body.errors ?? []).map((e: { code: string }) => e.code);

/** A deposit's answer: status and error codes. */
async function depot(m: TestMock, cerfa: Cerfa): Promise<{ status: number; codes: string[] }> {
  const res = await m.call('POST', '/v2/dossiers', enveloppeCerfa(cerfa));
  return { status: res.statusCode, codes: codes(res.json()) };
}

/** The state a deposit reaches at the decision (its deposit must be accepted). */
async function decision(m: TestMock, cerfa: Cerfa): Promise<string> {
  const res = await m.call('POST', '/v2/dossiers', enveloppeCerfa(cerfa));
  expect(res.statusCode, res.body).toBe(201);
  await m.advance('P5D');
  return (await m.dossier(cerfa.numeroInterne!)).cerfa.etat;
}

/** A CERFA the rule's plant made invalid, from the valid fixture (and what the OPCO holds). */
const plante = (id: string, cerfa: Cerfa, dossiers: unknown[] = []): Cerfa => findRule(id)!.plant(cerfa, { dossiers: dossiers as never[] }).payload as Cerfa;

/** The first contract engaged, then a succession the rule's plant builds after it: the succession's decided state. */
async function succession(m: TestMock, id: string): Promise<string> {
  expect(await decision(m, validCerfa('VAR-PREC'))).toBe('ENGAGE');
  const precedent = await m.dossier('VAR-PREC');
  return decision(m, plante(id, validCerfa('VAR-SUIV'), [precedent]));
}

const avecSiretEmployeur = (siret: string): Cerfa => {
  const cerfa = validCerfa('VAR-1');
  cerfa.employeur.siret = siret;
  return cerfa;
};

const nir = (id: string, code: string): Probe => ({
  observe: (m) => depot(m, plante(id, validCerfa('VAR-1'))),
  clean: (r) => expect(r).toEqual({ status: 400, codes: [code] }),
  broken: (r) => expect(r).toEqual({ status: 201, codes: [] }),
});

export const SONDES_REFERENTIELS = {
  'rncp-non-eligible-engage': {
    observe: (m) => decision(m, { ...validCerfa('VAR-1'), formation: { ...validCerfa().formation, rncp: 'RNCP99901' } }),
    clean: (etat) => expect(etat).toBe('REFUSE'),
    broken: (etat) => expect(etat).toBe('ENGAGE'),
  },
  'siret-ferme-accepte': {
    // Closed on 2019-06-30 in mocks/data/sirene.yaml.
    observe: (m) => depot(m, avecSiretEmployeur('51234567900017')),
    clean: (r) => expect(r).toEqual({ status: 400, codes: ['SIRET_ETABLISSEMENT_ACTIF'] }),
    broken: (r) => expect(r).toEqual({ status: 201, codes: [] }),
  },
  'nir-sexe-non-controle': nir('nir-coherence-sexe', 'NIR_COHERENCE_SEXE'),
  'nir-naissance-non-controlee': nir('nir-coherence-date-naissance', 'NIR_COHERENCE_DATE_NAISSANCE'),
  'nir-departement-non-controle': nir('nir-coherence-departement', 'NIR_COHERENCE_DEPARTEMENT'),
  'contrat-successif-hors-delai-engage': {
    observe: (m) => succession(m, 'eligibilite-contrat-successif-delai'),
    clean: (etat) => expect(etat).toBe('REFUSE'),
    broken: (etat) => expect(etat).toBe('ENGAGE'),
  },
  'remuneration-sous-contrat-precedent-engage': {
    observe: (m) => succession(m, 'eligibilite-remuneration-contrat-precedent'),
    clean: (etat) => expect(etat).toBe('REFUSE'),
    broken: (etat) => expect(etat).toBe('ENGAGE'),
  },
} satisfies Record<string, Probe>;
