// The example payloads (README walk-through, docs/mock.md, real software's contract) are clean and the mock accepts them.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RuleContext } from '../conformance/rules/rule.js';
import { frozenClock } from './clock.js';
import { runRules, type Finding } from './engine/rules.js';
import { startTestMock, type TestMock } from './testdata/harness.js';
import { mocksAsset } from './profiles.js';
import { DEMO } from './tenants.js';

const example = (name: string): any => JSON.parse(readFileSync(mocksAsset(`examples/${name}`), 'utf8'));
const notPassing = (findings: Finding[], blockingOnly = false): string[] =>
  findings
    .filter((f) => f.result.outcome === 'fail' || f.result.outcome === 'error')
    .filter((f) => !blockingOnly || f.rule.severity === 'bloquant')
    .map((f) => `${f.rule.id}: ${JSON.stringify(f.result)}`);

let mock: TestMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

describe('mocks/examples, judged by the catalogue', () => {
  it('cerfa.json fails no rule, warnings included, on the walk-through’s date with the demo CFA’s key', () => {
    expect(notPassing(runRules(example('cerfa.json'), 'cerfa', { today: '2026-01-16', siretCfa: DEMO.siret, rncpInactifs: [] }))).toEqual([]);
  });

  it('contrat-logiciel.json, written as real software writes it, fails no rule, warnings included', () => {
    const body = example('contrat-logiciel.json');
    // What makes it the wire's: wrapper, date-times with an offset, adresse1, adresse2 "", 3-character département,
    // nomUsage null, no numeroInterne.
    expect(Object.keys(body)).toEqual(['cerfa']);
    expect(body.cerfa.numeroInterne).toBeUndefined();
    expect(body.cerfa.apprenti).toMatchObject({ nomUsage: null, departementNaissance: '069', dateNaissance: '2006-03-14T00:00:00+00:00' });
    expect(body.cerfa.employeur.adresse).toMatchObject({ adresse1: '12 rue de la Paix', adresse2: '' });
    const findings = runRules({ cerfa: { ...body.cerfa, numeroInterne: 'OPCO-000000' } }, 'cerfa', { today: '2026-08-25', siretCfa: DEMO.siret, rncpInactifs: [] });
    expect(notPassing(findings)).toEqual([]);
  });

  it('facture.json fails no rule that can be judged without the dossier', () => {
    expect(notPassing(runRules(example('facture.json'), 'facture', { siretCfa: DEMO.siret, siretsConnus: [DEMO.siret] }))).toEqual([]);
  });
});

describe('mocks/examples, deposited on the mock', () => {
  it('accepts the real software’s contract (2xx) and assigns its numeroInterne', async () => {
    mock = await startTestMock({ clock: frozenClock('2026-08-25T09:00:00Z') });
    const res = await mock.call('POST', '/v2/dossiers', example('contrat-logiciel.json'));
    expect(res.statusCode, res.body).toBe(201);
    const { numeroInterne } = res.json();
    expect(numeroInterne).toBe('OPCO-000001');
    await mock.advance('P5D');
    const lu = await mock.dossier(numeroInterne);
    expect(lu.cerfa).toMatchObject({ numeroInterne, etat: 'ENGAGE', apprenti: { dateNaissance: '2006-03-14' } });
  });

  it('follows the walk-through: cerfa, then convention, certificat and facture of its first échéance, all 2xx and clean', async () => {
    mock = await startTestMock();
    expect((await mock.call('POST', '/v2/dossiers', example('cerfa.json'))).statusCode).toBe(201);
    await mock.advance('P5D');
    const dossier = await mock.dossier('DOS-0001');
    expect(dossier.cerfa.etat).toBe('ENGAGE');
    const context: RuleContext = { today: '2026-01-21', dossiers: [dossier], siretsConnus: [DEMO.siret], siretCfa: DEMO.siret };
    expect(notPassing(runRules(example('convention.json'), 'convention', context), true)).toEqual([]);
    expect(notPassing(runRules(example('certificat.json'), 'certificat', context), true)).toEqual([]);
    for (const [path, name] of [['/v1/conventions', 'convention.json'], ['/v2/certificats', 'certificat.json'], ['/v2/factures', 'facture.json']]) {
      const res = await mock.call('POST', path!, example(name!));
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
    }
  });
});
