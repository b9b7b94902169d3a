// Tests of convergence-x-source on its good and bad fixtures.
import { describe, expect, it } from 'vitest';
import { findingsOf, fixturePath } from './testing.js';

const RULE = 'convergence-x-source';

describe(RULE, () => {
  it('accepts sourced operations and schemas, and skips alias schemas', async () => {
    expect(await findingsOf(RULE, fixturePath(`${RULE}/good.yaml`))).toEqual([]);
  });

  it('reports missing x-source, missing section, unknown or missing confidence, and a numeric section', async () => {
    expect(await findingsOf(RULE, fixturePath(`${RULE}/bad.yaml`))).toEqual([
      { path: 'paths./v1/a.get', message: 'Operation GET /v1/a has no x-source { section, confidence }.' },
      { path: 'paths./v1/a.post.x-source', message: 'x-source of Operation POST /v1/a has no section.' },
      {
        path: 'paths./v1/a.put.x-source.confidence',
        message: 'x-source.confidence of Operation PUT /v1/a is "sure"; expected one of confirmed, secondary, inferred.',
      },
      { path: 'components.schemas.Contrat', message: 'Schema Contrat has no x-source { section, confidence }.' },
      {
        path: 'components.schemas.Facture.x-source',
        message: 'x-source.confidence of Schema Facture is missing; expected one of confirmed, secondary, inferred.',
      },
      {
        path: 'components.schemas.Certificat.x-source.section',
        message: 'x-source.section of Schema Certificat is the number 1.1; quote it ("1.1") so that YAML keeps it as written.',
      },
    ]);
  });
});
