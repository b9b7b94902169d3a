// `test opco --resume`: a scenario left pending (the OPCO has not decided yet) plays on later and the results merge.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { startSuiteMock, type SuiteMock } from '../../conformance/suite/testdata.js';
import { captureIO } from '../testing.js';

let mock: SuiteMock;
let dir: string;
beforeAll(async () => {
  // The mock's clock is frozen: without the admin token, its dossiers stay TRANSMIS until the test moves it.
  mock = await startSuiteMock();
  dir = mkdtempSync(join(tmpdir(), 'suite-resume-'));
});
afterAll(async () => {
  await mock?.close();
});

describe('convergence test opco --resume', () => {
  it('leaves a scenario pending, then plays it on once the OPCO has decided, merging the results', async () => {
    const first = captureIO(dir);
    const args = ['node', 'convergence', 'test', 'opco', '--target', mock.url, '--cfa-key', 'suite-cfa-key-1', '--scenarios', join(process.cwd(), 'scenarios', 'doublon.yaml'), '--poll-interval', '0.05', '--max-wait', '0.3', '--format', 'json'];
    expect(await main([...args, '--out', 'run'], first)).toBe(1);
    expect(first.out()).toMatch(/PENDING 1 scenario\(s\) wait for time: convergence test opco --resume run/);
    const before = JSON.parse(readFileSync(join(dir, 'run', 'report.json'), 'utf8'));
    expect(before.scenarios[0]).toMatchObject({ id: 'doublon', outcome: 'skip', pending: { step: 'attente-instruction' } });
    expect(before.evaluation.pending).toBeGreaterThan(0);
    const state = join(dir, 'run', 'run-state.json');
    expect(statSync(state).mode & 0o777).toBe(0o600);
    expect(readFileSync(state, 'utf8')).not.toContain('suite-cfa-key-1');

    // Days later, the OPCO has moved on.
    await fetch(`${mock.url}/_admin/clock`, { method: 'PUT', headers: { authorization: 'Bearer suite-admin-token', 'content-type': 'application/json' }, body: JSON.stringify({ advance: 'P10D' }) });
    const second = captureIO(dir);
    const code = await main(['node', 'convergence', 'test', 'opco', '--resume', 'run', '--cfa-key', 'suite-cfa-key-1', '--poll-interval', '0.05', '--max-wait', '2'], second);
    const after = JSON.parse(readFileSync(join(dir, 'run', 'report.json'), 'utf8'));
    expect(after.scenarios[0].pending).toBeUndefined();
    expect(after.scenarios[0].outcome).toBe('pass');
    // The deposit judged in the first run is kept, the duplicate judged in the second.
    const rule = (id: string) => after.rules.find((r: { ruleId: string }) => r.ruleId === id);
    expect(rule('serveur-depot-cerfa-transmis').outcome).toBe('pass');
    expect(rule('serveur-doublon-detecte').outcome).toBe('pass');
    expect(after.startedAt).toBe(before.startedAt);
    expect(second.out()).not.toMatch(/PENDING/);
    expect(code).toBe(after.exitCode);
  }, 60_000);

  it('says in one line when the directory holds no run to resume', async () => {
    const io = captureIO(dir);
    expect(await main(['node', 'convergence', 'test', 'opco', '--resume', 'nulle-part', '--cfa-key', 'K'], io)).toBe(2);
    expect(io.err()).toMatch(/--resume .*nulle-part: no run-state\.json there \(ENOENT\): give the --out directory of an earlier run/);
  });
});
