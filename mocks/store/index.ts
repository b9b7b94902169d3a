// Picks the store from the `--store` option: `memory`, or the path of a SQLite file.
import { MemoryStore } from './memory.js';
import { SqliteStore } from './sqlite.js';
import type { MockStore } from './types.js';

export type { MockStore } from './types.js';

/** Default store of the CLI: a durable SQLite file under the working directory. */
export const DEFAULT_STORE_FILE = '.convergence/mock.sqlite';

export function openStore(store: 'memory' | string = 'memory'): MockStore {
  return store === 'memory' ? new MemoryStore() : new SqliteStore(store);
}
