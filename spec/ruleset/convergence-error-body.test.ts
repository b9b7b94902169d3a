// Tests of convergence-error-body on its good and bad fixtures.
import { describe, expect, it } from 'vitest';
import { findingsOf, fixturePath } from './testing.js';

const RULE = 'convergence-error-body';

describe(RULE, () => {
  it('accepts shared responses (chained, for a 4XX range), inline Erreurs and allOf [Erreurs]', async () => {
    expect(await findingsOf(RULE, fixturePath(`${RULE}/good.yaml`))).toEqual([]);
  });

  it('reports 4xx responses without the shared error body, and a wrong shared response once', async () => {
    expect(await findingsOf(RULE, fixturePath(`${RULE}/bad.yaml`))).toEqual([
      {
        path: 'paths./v1/a.get.responses.400',
        message: 'Response 400 of GET /v1/a does not use #/components/schemas/Erreurs for application/json.',
      },
      {
        path: 'paths./v1/a.get.responses.401',
        message: 'Response 401 of GET /v1/a has no content: it must return #/components/schemas/Erreurs.',
      },
      {
        path: 'paths./v1/a.post.responses.404',
        message: 'Response 404 of POST /v1/a does not use #/components/schemas/Erreurs for application/json.',
      },
      {
        path: 'components.responses.Forbidden',
        message:
          'Shared response #/components/responses/Forbidden (used by 403 of GET /v1/a) does not use #/components/schemas/Erreurs for application/json.',
      },
    ]);
  });
});
