// Tests of convergence-date-format on its good and bad fixtures.
import { describe, expect, it } from 'vitest';
import { findingsOf, fixturePath } from './testing.js';

const RULE = 'convergence-date-format';

describe(RULE, () => {
  it('accepts date and date-time, through $ref and allOf [$ref], arrays of dates and a choice of date forms', async () => {
    expect(await findingsOf(RULE, fixturePath(`${RULE}/good.yaml`))).toEqual([]);
  });

  it('reports date* properties that are not date strings', async () => {
    const expected = (name: string, found: string) => ({
      path: `components.schemas.Contrat.properties.${name}`,
      message: `Property "${name}" of schema Contrat must be of type string with format date or date-time (found ${found}).`,
    });
    expect(await findingsOf(RULE, fixturePath(`${RULE}/bad.yaml`))).toEqual([
      expected('dateNaissance', 'type "string", no format'),
      expected('dateSignature', 'type "integer", no format'),
      expected('dateDebutContrat', 'type "string", format "email"'),
      expected('dateEffet', 'no type, format "date"'),
      expected('dateFinContrat', 'type "string", no format'),
      {
        path: 'components.schemas.Contrat.properties.datesEcheances',
        message:
          'Items of array property "datesEcheances" of schema Contrat must be of type string with format date or date-time (found type "string", no format).',
      },
      expected('dateRupture', 'no type, no format'),
    ]);
  });
});
