// What the issue 13 server rules accept and refuse beyond their good case and plant (serveur.test.ts).
import { describe, expect, it } from 'vitest';
import type { Echange } from '../../model/payloads.js';
import { serveurRules } from './index.js';
import { memeChamp } from './serveur-erreur-champ.js';

const rule = (id: string) => serveurRules.find((r) => r.id === id)!;
const outcome = (id: string, e: Partial<Echange> & { response: Echange['response'] }) =>
  rule(id).check({ scenario: 's', step: 'e', request: { method: 'GET', path: '/v2/dossiers', headers: {} }, ...e } as Echange, {}).outcome;
const reponse = (status: number, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) => ({ status, headers, body });

describe('issue 13 server rules', () => {
  it('serveur-redepot-refuse: 409, or a 4xx naming numeroInterne; not a bare 400 nor a 201', () => {
    const listed = { expected: { regles: ['serveur-redepot-refuse'] } };
    expect(outcome('serveur-redepot-refuse', { ...listed, response: reponse(409, {}) })).toBe('pass');
    expect(outcome('serveur-redepot-refuse', { ...listed, response: reponse(400, { errors: [{ code: 'X', description: 'Numéro interne déjà utilisé' }] }) })).toBe('pass');
    expect(outcome('serveur-redepot-refuse', { ...listed, response: reponse(422, { errors: [{ code: 'X', description: 'd', champ: 'cerfa.numeroInterne' }] }) })).toBe('pass');
    expect(outcome('serveur-redepot-refuse', { ...listed, response: reponse(400, { errors: [{ code: 'X', description: 'invalide' }] }) })).toBe('fail');
    expect(outcome('serveur-redepot-refuse', { ...listed, response: reponse(200, {}) })).toBe('fail');
  });

  it('serveur-erreur-champ: the field named in full, from a parent level or as a JSON pointer', () => {
    expect(memeChamp('cerfa.contrat.dateDebutContrat', 'cerfa.contrat.dateDebutContrat')).toBe(true);
    expect(memeChamp('contrat.dateDebutContrat', 'cerfa.contrat.dateDebutContrat')).toBe(true);
    expect(memeChamp('/cerfa/contrat/dateDebutContrat', 'cerfa.contrat.dateDebutContrat')).toBe(true);
    expect(memeChamp('cerfa.contrat', 'cerfa.contrat.dateDebutContrat')).toBe(false);
    expect(memeChamp('', 'cerfa.contrat.dateDebutContrat')).toBe(false);
  });

  it('serveur-type-contenu-json: JSON answers only; problem+json and charset accepted', () => {
    expect(outcome('serveur-type-contenu-json', { response: reponse(404, { errors: [] }, { 'Content-Type': 'application/problem+json; charset=utf-8' }) })).toBe('pass');
    expect(outcome('serveur-type-contenu-json', { response: reponse(200, [], { 'content-type': 'text/plain' }) })).toBe('fail');
    expect(outcome('serveur-type-contenu-json', { response: reponse(200, {}, {}) })).toBe('fail');
    expect(outcome('serveur-type-contenu-json', { response: reponse(502, '<html>', { 'content-type': 'text/html' }) })).toBe('not-applicable');
    expect(outcome('serveur-type-contenu-json', { response: reponse(204, undefined, {}) })).toBe('not-applicable');
  });

  it('serveur-retry-after-429: seconds or an HTTP date; a step asking for 429 that gets none is skipped', () => {
    expect(outcome('serveur-retry-after-429', { response: reponse(429, {}, { 'retry-after': 'Wed, 21 Oct 2026 07:28:00 GMT' }) })).toBe('pass');
    expect(outcome('serveur-retry-after-429', { response: reponse(429, {}, { 'retry-after': 'bientôt' }) })).toBe('fail');
    expect(outcome('serveur-retry-after-429', { response: reponse(429, {}) })).toBe('fail');
    expect(outcome('serveur-retry-after-429', { response: reponse(200, {}) })).toBe('not-applicable');
    expect(outcome('serveur-retry-after-429', { expected: { regles: ['serveur-retry-after-429'] }, response: reponse(200, {}) })).toBe('skip');
  });

  it('serveur-pagination-numero-page: a walk named by its step that never left page 1 is not a pass', () => {
    const page = (n: number, total: number, count: number, cumul?: number, regles: string[] = ['serveur-pagination-numero-page']) =>
      outcome('serveur-pagination-numero-page', {
        request: { method: 'GET', path: `/v2/dossiers/etats?numeroPage=${n}`, headers: {} },
        expected: { regles, ...(cumul !== undefined ? { cumul } : {}) },
        response: reponse(200, [{ total, count, page: 1, EtatDossierResult: Array(count).fill({ numeroInterne: 'A' }) }]),
      });
    expect(page(1, 2, 2)).toBe('pass');
    expect(page(1, 2, 2, 2)).toBe('skip');
    expect(page(1, 2, 2, 2, ['serveur-isolation-etats'])).toBe('pass');
    expect(page(2, 4, 2, 4)).toBe('fail');
  });

  it('serveur-isolation-appairage: reads numeroInterne in the CERFA or at the root', () => {
    const e = (body: unknown) => ({ expected: { regles: ['serveur-isolation-appairage'], absents: ['X'] }, response: reponse(200, body) });
    expect(outcome('serveur-isolation-appairage', e([{ numeroInterne: 'X' }]))).toBe('fail');
    expect(outcome('serveur-isolation-appairage', e([{ cerfa: { numeroInterne: 'Y' } }]))).toBe('pass');
  });
});
