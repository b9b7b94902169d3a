// Keeps an instance's in-memory admin state (clock, tenants, faults…) in step with other instances sharing its store.
import type { MockStore } from './types.js';

/**
 * `check()` before serving a request: when the store's stamp moved since the last check (another instance, or this
 * one, changed the clock, a tenant, a shared state, or reset the store), `reload` runs before the request goes on.
 * Concurrent checks share one read of the stamp and one reload, so a burst of requests costs one round trip.
 */
export class StampWatcher {
  private seen: string | undefined;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly store: Pick<MockStore, 'stamp'>,
    private readonly reload: () => Promise<void>,
  ) {}

  /** Takes the current stamp as already loaded (call once the instance has read its state at start). */
  async prime(): Promise<void> {
    this.seen = await this.store.stamp();
  }

  check(): Promise<void> {
    this.pending ??= this.run().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async run(): Promise<void> {
    const stamp = await this.store.stamp();
    if (stamp === this.seen) return;
    await this.reload();
    // Only once reloaded: a failed reload is tried again at the next check.
    this.seen = stamp;
  }
}
