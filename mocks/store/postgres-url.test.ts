// How `--store` and DATABASE_URL pick the store, and how a PostgreSQL URL is split and shown without its password.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STORE_FILE, describeStore, resolveStoreSpec } from './index.js';
import { isPostgresUrl, redactPostgresUrl, splitPostgresUrl } from './postgres-url.js';

describe('--store', () => {
  const cwd = '/srv/bench';

  it('takes memory, a postgres URL as it is, and a file relative to the working directory', () => {
    expect(resolveStoreSpec('memory', cwd, {})).toBe('memory');
    expect(resolveStoreSpec(' postgresql://u@db/x ', cwd, {})).toBe('postgresql://u@db/x');
    expect(resolveStoreSpec('data/mock.sqlite', cwd, {})).toBe(join(cwd, 'data/mock.sqlite'));
  });

  it('falls back on DATABASE_URL only without --store and only when it is a postgres URL', () => {
    const env = { DATABASE_URL: 'postgres://u:p@db:5432/x' };
    expect(resolveStoreSpec(undefined, cwd, env)).toBe('postgres://u:p@db:5432/x');
    expect(resolveStoreSpec('memory', cwd, env)).toBe('memory');
    expect(resolveStoreSpec(undefined, cwd, { DATABASE_URL: 'mysql://u@db/x' })).toBe(join(cwd, DEFAULT_STORE_FILE));
    expect(resolveStoreSpec(undefined, cwd, {})).toBe(join(cwd, DEFAULT_STORE_FILE));
  });
});

describe('postgres URLs', () => {
  it('are told from file names', () => {
    expect(isPostgresUrl('postgres://db/x')).toBe(true);
    expect(isPostgresUrl('PostgreSQL://db/x')).toBe(true);
    expect(isPostgresUrl('postgres.sqlite')).toBe(false);
    expect(isPostgresUrl('./postgres://x')).toBe(false);
  });

  it('lose the store\'s own schema parameter and keep the others, Unix sockets included', () => {
    expect(splitPostgresUrl('postgresql://u@/db?host=/run/postgresql&schema=bench_1&sslmode=disable')).toEqual({
      connectionString: 'postgresql://u@/db?host=%2Frun%2Fpostgresql&sslmode=disable',
      schema: 'bench_1',
    });
    expect(splitPostgresUrl('postgres://db/x?schema=s')).toEqual({ connectionString: 'postgres://db/x', schema: 's' });
    expect(splitPostgresUrl('postgres://db/x')).toEqual({ connectionString: 'postgres://db/x', schema: undefined });
  });

  it('are printed without their password, wherever it is', () => {
    expect(redactPostgresUrl('postgres://mock:s3cr%40t@db:5432/x?schema=s')).toBe('postgres://mock:***@db:5432/x?schema=s');
    expect(redactPostgresUrl('postgresql://mock@db/x?sslmode=require&password=s3cret')).toBe('postgresql://mock@db/x?sslmode=require&password=***');
    expect(redactPostgresUrl('postgres://mock@db/x')).toBe('postgres://mock@db/x');
    expect(describeStore('postgres://mock:s3cret@db/x')).toBe('postgres://mock:***@db/x');
    expect(describeStore('/srv/bench/mock.sqlite')).toBe('/srv/bench/mock.sqlite');
  });
});
