// Tests of convergence-error-responses on its good and bad fixtures.
import { describe, expect, it } from 'vitest';
import { findingsOf, fixturePath } from './testing.js';

const RULE = 'convergence-error-responses';

describe(RULE, () => {
  it('accepts 400 and 401 inline or by $ref, a 4XX range, and a public operation with its 400 only', async () => {
    expect(await findingsOf(RULE, fixturePath(`${RULE}/good.yaml`))).toEqual([]);
  });

  it('reports each operation missing its 400, or its 401 when it needs a key', async () => {
    const erreurs = '(the norm\'s error body, #/components/schemas/Erreurs).';
    expect(await findingsOf(RULE, fixturePath(`${RULE}/bad.yaml`))).toEqual([
      { path: 'paths./v2/dossiers.get.responses', message: `GET /v2/dossiers does not declare its 400 and 401 responses ${erreurs}` },
      { path: 'paths./v2/dossiers.post.responses', message: `POST /v2/dossiers does not declare its 400 response ${erreurs}` },
      { path: 'paths./v2/factures.post.responses', message: `POST /v2/factures does not declare its 401 response ${erreurs}` },
      { path: 'paths./oauth/token.post.responses', message: `POST /oauth/token does not declare its 400 response ${erreurs}` },
    ]);
  });
});
