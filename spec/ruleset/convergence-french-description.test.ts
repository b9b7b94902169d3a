// Tests of convergence-french-description on its good and bad fixtures.
import { describe, expect, it } from 'vitest';
import { findingsOf, fixturePath } from './testing.js';

const RULE = 'convergence-french-description';

describe(RULE, () => {
  it('accepts described properties, $ref and allOf [$ref] properties, fully described enums, and ignores examples', async () => {
    expect(await findingsOf(RULE, fixturePath(`${RULE}/good.yaml`))).toEqual([]);
  });

  it('reports undescribed, blank or English-looking property descriptions, and enums not fully described', async () => {
    expect(await findingsOf(RULE, fixturePath(`${RULE}/bad.yaml`))).toEqual([
      {
        path: 'paths./v1/a.post.parameters.0.schema.enum',
        message: 'Enum of parameter "tri" of POST /v1/a has no x-enum-descriptions (values: asc, desc).',
      },
      {
        path: 'paths./v1/a.post.requestBody.content.application/json.schema.properties.commentaire',
        message: 'Property "commentaire" of the request body of POST /v1/a has no description.',
      },
      { path: 'components.schemas.Contrat.properties.type', message: 'Property "type" of schema Contrat has a blank description.' },
      {
        path: 'components.schemas.Contrat.properties.montant.description',
        message: 'Property "montant" of schema Contrat has a description that reads as English, not French.',
      },
      {
        path: 'components.schemas.Contrat.properties.detail',
        message: 'Property "detail" of schema Contrat has no description (nor has the schema #/components/schemas/SansDescription it references).',
      },
      {
        path: 'components.schemas.Contrat.properties.employeur.properties.denomination',
        message: 'Property "denomination" of schema Contrat.employeur has no description.',
      },
      {
        path: 'components.schemas.Contrat.properties.modeContractuel.x-enum-descriptions',
        message: 'x-enum-descriptions of property "modeContractuel" of schema Contrat does not describe: 2, 3.',
      },
    ]);
  });
});
