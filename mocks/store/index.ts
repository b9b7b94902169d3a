// Picks the store from the `--store` option: `memory`, a `postgres://` URL, or the path of a SQLite file.
import { resolve } from 'node:path';
import { MemoryStore } from './memory.js';
import { PostgresStore } from './postgres.js';
import { isPostgresUrl, redactPostgresUrl } from './postgres-url.js';
import { SqliteStore } from './sqlite.js';
import type { MockStore } from './types.js';

export type { MockStore } from './types.js';
export { isPostgresUrl, redactPostgresUrl } from './postgres-url.js';

/** Default store of the CLI: a durable SQLite file under the working directory. */
export const DEFAULT_STORE_FILE = '.convergence/mock.sqlite';

export function openStore(store: 'memory' | string = 'memory'): MockStore {
  if (store === 'memory') return new MemoryStore();
  return isPostgresUrl(store) ? new PostgresStore(store.trim()) : new SqliteStore(store);
}

/**
 * What the CLI's `--store` means: `memory` and `postgres://…` as they are, a file relative to `cwd`; without the
 * option, DATABASE_URL when it holds a PostgreSQL URL (the usual variable of hosting platforms), else the default file.
 */
export function resolveStoreSpec(option: string | undefined, cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  if (option === 'memory') return 'memory';
  if (option !== undefined) return isPostgresUrl(option) ? option.trim() : resolve(cwd, option);
  const fromEnv = env.DATABASE_URL?.trim();
  return fromEnv && isPostgresUrl(fromEnv) ? fromEnv : resolve(cwd, DEFAULT_STORE_FILE);
}

/** The store as it may be printed: a PostgreSQL URL without its password. */
export const describeStore = (store: string): string => (isPostgresUrl(store) ? redactPostgresUrl(store) : store);
