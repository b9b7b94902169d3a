// Tests of convergence-identifier-component on its good and bad fixtures.
import { describe, expect, it } from 'vitest';
import { findingsOf, fixturePath } from './testing.js';

const RULE = 'convergence-identifier-component';

describe(RULE, () => {
  it('accepts $ref and allOf [$ref] to the matching component, case-insensitive names and aliases', async () => {
    expect(await findingsOf(RULE, fixturePath(`${RULE}/good.yaml`))).toEqual([]);
  });

  it('reports inline identifiers, the wrong component, mixed allOf, and a shared component without pattern', async () => {
    expect(await findingsOf(RULE, fixturePath(`${RULE}/bad.yaml`))).toEqual([
      {
        path: 'paths./v1/a.post.requestBody.content.application/json.schema.properties.codePostal',
        message:
          'Property "codePostal" of the request body of POST /v1/a must use the shared component #/components/schemas/CodePostal: write $ref, or allOf holding that single $ref.',
      },
      { path: 'components.schemas.Uai', message: 'Shared identifier component Uai has no pattern.' },
      {
        path: 'components.schemas.Employeur.properties.siret',
        message:
          'Property "siret" of schema Employeur must use the shared component #/components/schemas/Siret: write $ref, or allOf holding that single $ref.',
      },
      {
        path: 'components.schemas.Employeur.properties.nir',
        message: 'Property "nir" of schema Employeur must reference #/components/schemas/Nir, not #/components/schemas/Siret.',
      },
    ]);
  });
});
