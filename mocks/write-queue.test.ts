// Grouped commits: queued write operations share one transaction but keep their own outcome and rollback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WriteQueue } from './http/write-queue.js';
import { MockProblem } from './errors.js';
import { SqliteStore } from './store/sqlite.js';
import type { DossierRecord } from './store/types.js';
import { validCerfa } from './testdata/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'mock-queue-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const scope = { opco: 'norme', cfa: '85300000800005' };

const record = (numeroInterne: string): DossierRecord => ({
  ...scope,
  numeroInterne,
  numeroExterne: `EXT-${numeroInterne}`,
  identityKey: numeroInterne,
  receivedAt: '2026-01-16T09:00:00.000Z',
  cerfa: validCerfa(numeroInterne),
  decision: { etat: 'ENGAGE', step: 'decision', commentaireEtat: null, numeroDeca: null, engagement: 0, echeances: [], engagementsFraisAnnexe: [] },
  rupture: null,
  allocations: [],
});

describe('WriteQueue', () => {
  it('commits the group once, keeps writes before a MockProblem, rolls back only the failing operation', async () => {
    const file = join(dir, 'queue.sqlite');
    const store = new SqliteStore(file);
    const queue = new WriteQueue(() => store);
    const a = queue.run(async () => {
      await store.putDossier(record('A'));
      return 'a';
    });
    const b = queue.run(async () => {
      await store.putDossier(record('B'));
      throw new Error('bug');
    });
    const c = queue.run(async () => {
      await store.putDossier(record('C'));
      throw new MockProblem('FACTURE_REJETEE', 'rejetée');
    });
    await expect(a).resolves.toBe('a');
    await expect(b).rejects.toThrow('bug');
    await expect(c).rejects.toBeInstanceOf(MockProblem);
    await queue.idle();
    await store.close();
    const reopened = new SqliteStore(file);
    expect((await reopened.allDossiers(scope)).map((d) => d.numeroInterne)).toEqual(['A', 'C']);
    await reopened.close();
  });

  it('runs operations one at a time, in order', async () => {
    const store = new SqliteStore(join(dir, 'order.sqlite'));
    const queue = new WriteQueue(() => store);
    const seen: number[] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        queue.run(async () => {
          seen.push(n);
          await store.nextCounter('x');
        }),
      ),
    );
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(await store.nextCounter('x')).toBe(6);
    await store.close();
  });
});
