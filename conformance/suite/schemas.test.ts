// The spec's response schemas as the suite reads them: the spec's own errors, and the members it does not document.
import { describe, expect, it } from 'vitest';
import { bundledSpecPath } from '../../spec/load.js';
import { fermer, loadResponseSchemas } from './schemas.js';

describe('loadResponseSchemas', () => {
  it('names a member the spec does not document, even where its schema stays open', async () => {
    const schemas = await loadResponseSchemas(bundledSpecPath());
    const page = { total: 0, count: 0, page: 1, EtatDossierResult: [], curseur: 'x' };
    expect(schemas.errors('GET', '/v2/dossiers/etats?numeroPage=1', 200, page)).toEqual(['/ must NOT have additional properties: curseur']);
    const { curseur: _c, ...documentee } = page;
    expect(schemas.errors('GET', '/v2/dossiers/etats?numeroPage=1', 200, documentee)).toEqual([]);
    expect(schemas.errors('GET', '/v2/inconnu', 200, {})).toBeUndefined();
  });

  it('closes objects but not the branches of anyOf/oneOf', () => {
    const schema = { type: 'object', properties: { a: { type: 'object', properties: { b: {} } }, c: { anyOf: [{ type: 'object', properties: { d: {} } }] } } };
    expect(fermer(schema)).toEqual({ type: 'object', additionalProperties: false, properties: { a: { type: 'object', properties: { b: {} }, additionalProperties: false }, c: { anyOf: [{ type: 'object', properties: { d: {} } }] } } });
  });
});
