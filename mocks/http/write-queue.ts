// The write queue: write operations run one at a time and are committed in groups, one store transaction per group.
import { MockProblem } from '../errors.js';
import type { MockStore } from '../store/types.js';

interface PendingWrite {
  fn: () => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Write operations run one at a time (so read-then-write checks cannot interleave) and are committed in groups: the
 * operations queued while one group runs form the next group, in one store transaction with a nested unit each, and
 * are answered only after the group's commit — durable like one commit each, with one fsync per group. A
 * MockProblem is an answer, not a failure: what the operation wrote before it (a rejected invoice listed REJETEE)
 * is kept; any other error rolls back that operation's unit only.
 */
export class WriteQueue {
  private pending: PendingWrite[] = [];
  private draining: Promise<void> | undefined;

  constructor(private readonly store: () => MockStore) {}

  run<T>(fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      this.draining ??= this.drain().finally(() => (this.draining = undefined));
    });
  }

  async idle(): Promise<void> {
    await this.draining;
  }

  private async drain(): Promise<void> {
    // Yield once to the event loop before each group, so requests already received join it.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.pending.length > 0) {
      const group = this.pending.splice(0, 256);
      const store = this.store();
      const outcomes: { ok: boolean; value: unknown }[] = [];
      try {
        await store.transaction(async () => {
          for (const item of group) {
            try {
              const value = await store.transaction(async () => {
                try {
                  return { value: await item.fn() };
                } catch (error) {
                  if (error instanceof MockProblem) return { problem: error };
                  throw error;
                }
              });
              outcomes.push(value.problem ? { ok: false, value: value.problem } : { ok: true, value: value.value });
            } catch (error) {
              outcomes.push({ ok: false, value: error });
            }
          }
        });
      } catch (error) {
        for (const item of group) item.reject(error);
        continue;
      }
      group.forEach((item, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok) item.resolve(outcome.value);
        else item.reject(outcome?.value);
      });
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}
