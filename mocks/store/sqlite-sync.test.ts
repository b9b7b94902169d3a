// The SQLite store's durability setting: FULL unless NORMAL is asked for explicitly, never weaker than NORMAL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore, sqliteSynchronous } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlite-sync-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CONVERGENCE_SQLITE_SYNC', () => {
  it('keeps FULL by default and for anything but NORMAL', () => {
    expect(sqliteSynchronous({})).toBe('FULL');
    expect(sqliteSynchronous({ CONVERGENCE_SQLITE_SYNC: 'OFF' })).toBe('FULL');
    expect(sqliteSynchronous({ CONVERGENCE_SQLITE_SYNC: ' normal ' })).toBe('NORMAL');
  });

  it('opens the store with the chosen setting', async () => {
    const previous = process.env.CONVERGENCE_SQLITE_SYNC;
    process.env.CONVERGENCE_SQLITE_SYNC = 'NORMAL';
    try {
      const store = new SqliteStore(join(dir, 'normal.sqlite'));
      const db = (store as unknown as { db: { pragma(s: string, o: { simple: true }): unknown } }).db;
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      await store.close();
    } finally {
      if (previous === undefined) delete process.env.CONVERGENCE_SQLITE_SYNC;
      else process.env.CONVERGENCE_SQLITE_SYNC = previous;
    }
  });
});

describe('two connections on one file (the mock with --workers)', () => {
  it('waits for the other write lock on the event loop, so the holder can finish and both writes land', async () => {
    const file = join(dir, 'shared.sqlite');
    const first = new SqliteStore(file);
    const second = new SqliteStore(file);
    const order: string[] = [];
    // The first unit holds the write lock across a timer: a busy handler sleeping the process would starve that
    // timer, and the second unit would fail with SQLITE_BUSY after the busy timeout instead of waiting its turn.
    const holding = first.transaction(async () => {
      await first.setClock({ offsetMs: 1 } as never);
      await new Promise((resolve) => setTimeout(resolve, 100));
      order.push('first');
    });
    const started = performance.now();
    const waiting = second.transaction(async () => {
      await second.setClock({ offsetMs: 2 } as never);
      order.push('second');
    });
    await Promise.all([holding, waiting]);
    expect(order).toEqual(['first', 'second']);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await first.getClock()).toEqual({ offsetMs: 2 });
    await first.close();
    await second.close();
  });
});
