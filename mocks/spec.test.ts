// The spec's request validation as the mock answers it: no blocking error for a member the spec does not list in the CERFA.
import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ajvToNormErrors, compileSpec, defaultSpecPath } from './spec.js';
import { depotCerfa } from './testdata/fixtures.js';

const erreur = (instancePath: string, keyword: string, params: Record<string, unknown>): ErrorObject =>
  ({ instancePath, keyword, params, schemaPath: '#', message: keyword }) as ErrorObject;

describe('ajvToNormErrors', () => {
  it('names the field of each error in the norm’s notation', () => {
    expect(ajvToNormErrors([erreur('/lignes/0', 'required', { missingProperty: 'montant' })])).toEqual([
      { code: 'CHAMP_OBLIGATOIRE', description: 'Le champ lignes[0].montant est obligatoire', champ: 'lignes[0].montant' },
    ]);
  });

  it('never turns a member the CERFA schema does not list into a blocking CHAMP_NON_PREVU (a warning rule reports it)', () => {
    const errors = [
      erreur('/cerfa', 'additionalProperties', { additionalProperty: 'membreInconnu' }),
      erreur('/cerfa/apprenti/adresse', 'additionalProperties', { additionalProperty: 'numeroVoie' }),
      erreur('/cerfa/apprenti', 'type', { type: 'object' }),
      erreur('', 'additionalProperties', { additionalProperty: 'horsCerfa' }),
    ];
    expect(ajvToNormErrors(errors).map((e) => [e.code, e.champ])).toEqual([
      ['TYPE_INVALIDE', 'cerfa.apprenti'],
      ['CHAMP_NON_PREVU', 'horsCerfa'],
    ]);
  });

  it('lets the bundled spec accept a deposit carrying members it does not list', async () => {
    const spec = await compileSpec(defaultSpecPath());
    const validate = spec.find('post', '/v2/dossiers')?.validateBody;
    expect(validate).toBeTruthy();
    const body = depotCerfa('S-1') as any;
    body.cerfa.membreInconnu = true;
    body.cerfa.apprenti.adresse.numeroVoie = '12';
    const ok = validate!(body);
    expect(ok ? [] : ajvToNormErrors(validate!.errors)).toEqual([]);
  });
});
