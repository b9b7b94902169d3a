// Tests of convergence-operation-security on its good and bad fixtures.
import { describe, expect, it } from 'vitest';
import { findingsOf, fixturePath } from './testing.js';

const RULE = 'convergence-operation-security';

describe(RULE, () => {
  it('accepts inherited and operation-level cfaKey security, $ref and inline headers, and the public operations', async () => {
    expect(await findingsOf(RULE, fixturePath(`${RULE}/good.yaml`))).toEqual([]);
  });

  it('reports each operation that does not require cfaKey or lacks a required EDITEUR/LOGICIEL/VERSION header, or opts out of security without being public', async () => {
    expect(await findingsOf(RULE, fixturePath(`${RULE}/bad.yaml`))).toEqual([
      {
        path: 'paths./v1/oauth-only.get.security.1',
        message: 'GET /v1/oauth-only accepts a security requirement without cfaKey (oauth2): cfaKey must be required by every alternative.',
      },
      {
        path: 'paths./v1/no-security.get',
        message: 'GET /v1/no-security does not require the cfaKey scheme (no security requirement applies).',
      },
      {
        path: 'paths./v1/headers.put',
        message: 'PUT /v1/headers does not declare the header parameter EDITEUR (#/components/parameters/Editeur).',
      },
      { path: 'paths./v1/headers.put', message: 'PUT /v1/headers: header parameter LOGICIEL must be required.' },
      {
        path: 'paths./v1/headers.put',
        message: 'PUT /v1/headers does not declare the header parameter VERSION (#/components/parameters/Version).',
      },
      {
        path: 'paths./v2/dossiers/public.get.security',
        message:
          'GET /v2/dossiers/public opts out of security (security: []) but is not a public operation of the norm (the token endpoint, the CfaDock OPCO lookup).',
      },
    ]);
  });
});
