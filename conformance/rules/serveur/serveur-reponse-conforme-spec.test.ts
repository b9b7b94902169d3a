// The schema rule blocks on what breaks a client's reading; a member the spec does not list only warns (issue 13 §1).
import { describe, expect, it } from 'vitest';
import type { Echange } from '../../model/payloads.js';
import conformeSpec from './serveur-reponse-conforme-spec.js';
import membreNonDocumente from './serveur-membre-non-documente.js';

const avec = (schemaErrors: string[] | undefined): Echange => ({
  scenario: 's',
  step: 'e',
  request: { method: 'GET', path: '/v2/dossiers?numeroInterne=A', headers: {} },
  response: { status: 200, headers: {}, body: {}, ...(schemaErrors ? { schemaErrors } : {}) },
});

describe('serveur-reponse-conforme-spec and serveur-membre-non-documente', () => {
  it('an extra member fails only the warning, naming the member', () => {
    const e = avec(['/cerfa must NOT have additional properties: referenceOpco']);
    expect(conformeSpec.check(e, {})).toEqual({ outcome: 'pass' });
    const result = membreNonDocumente.check(e, {});
    expect(result).toMatchObject({ outcome: 'fail', violations: [{ path: '/cerfa/referenceOpco', received: 'membre « referenceOpco » non documenté' }] });
    expect(membreNonDocumente.severity).toBe('avertissement');
  });

  it('any other schema error stays blocking, and does not fail the warning', () => {
    const e = avec(["/cerfa must have required property 'etat'", '/ must NOT have additional properties: employeurV2']);
    expect(conformeSpec.check(e, {})).toMatchObject({ outcome: 'fail', violations: [{ path: '/cerfa' }] });
    expect(conformeSpec.severity).toBe('bloquant');
    expect(membreNonDocumente.check(avec(["/cerfa must have required property 'etat'"]), {})).toEqual({ outcome: 'pass' });
  });

  it('neither applies where the spec has no schema', () => {
    expect(conformeSpec.check(avec(undefined), {}).outcome).toBe('not-applicable');
    expect(membreNonDocumente.check(avec(undefined), {}).outcome).toBe('not-applicable');
  });
});
