// `convergence validate --sirene <file>`: the SIRET rules judge against the given SIRENE référentiel, and skip without one.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../main.js';
import { captureIO } from '../testing.js';
import { enveloppeCerfa } from '../../conformance/model/depot-cerfa.js';
import { validCerfa } from '../../mocks/testdata/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'validate-sirene-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SAMPLE = resolve(import.meta.dirname, '../../mocks/data/sirene.yaml');

async function validate(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIO(dir);
  const code = await main(['node', 'convergence', 'validate', '--no-progress', ...args, '--only', 'siret-etablissement-actif'], io);
  return { code, out: io.out(), err: io.err() };
}

/** The mock's valid CERFA whose employer is the sample's establishment closed on 2019-06-30. */
function ferme(): string {
  const cerfa = validCerfa('SIR-1');
  cerfa.employeur.siret = '51234567900017';
  writeFileSync(join(dir, 'ferme.json'), JSON.stringify(enveloppeCerfa(cerfa)));
  return 'ferme.json';
}

describe('convergence validate --sirene', () => {
  it('refuses a CERFA naming a closed establishment of the given référentiel', async () => {
    const { code, out } = await validate(ferme(), '--sirene', SAMPLE, '--today', '2026-01-16');
    expect(code).toBe(1);
    expect(out).toContain('siret-etablissement-actif');
    expect(out).toContain('51234567900017 (fermé le 2019-06-30)');
  });

  it('skips the rule, exit 0, without a référentiel', async () => {
    const { code, out } = await validate(ferme(), '--today', '2026-01-16', '--format', 'json');
    expect(code).toBe(0);
    expect(out).toContain('référentiel SIRENE non fourni');
  });

  it('exits 2 on an unreadable or malformed file', async () => {
    writeFileSync(join(dir, 'mauvais.yaml'), 'etablissements: [1, 2]\n');
    expect((await validate(ferme(), '--sirene', 'mauvais.yaml')).code).toBe(2);
    expect((await validate(ferme(), '--sirene', 'absent.yaml')).code).toBe(2);
  });
});
