// An instance reloads its admin state when another one sharing the store changed it, once per change.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite.js';
import { StampWatcher } from './stamp-watcher.js';

const dir = mkdtempSync(join(tmpdir(), 'stamp-watcher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('StampWatcher', () => {
  it('reloads after another instance changed the admin state, once for a burst of requests', async () => {
    const file = join(dir, 'shared.sqlite');
    const [mine, theirs] = [new SqliteStore(file), new SqliteStore(file)];
    const loaded: unknown[] = [];
    const watcher = new StampWatcher(mine, async () => void loaded.push(await mine.getClock()));
    await watcher.prime();
    await Promise.all([watcher.check(), watcher.check()]);
    expect(loaded).toEqual([]);
    await theirs.setClock({ kind: 'frozen', at: '2026-05-01T00:00:00.000Z' });
    await Promise.all([watcher.check(), watcher.check(), watcher.check()]);
    expect(loaded).toEqual([{ kind: 'frozen', at: '2026-05-01T00:00:00.000Z' }]);
    await watcher.check();
    expect(loaded).toHaveLength(1);
    await Promise.all([mine.close(), theirs.close()]);
  });

  it('tries a failed reload again at the next check', async () => {
    const store = new SqliteStore(join(dir, 'retry.sqlite'));
    let calls = 0;
    const watcher = new StampWatcher(store, async () => {
      if (++calls === 1) throw new Error('store unreachable');
    });
    await watcher.prime();
    await store.setShared('faults', []);
    await expect(watcher.check()).rejects.toThrow('store unreachable');
    await watcher.check();
    await watcher.check();
    expect(calls).toBe(2);
    await store.close();
  });
});
