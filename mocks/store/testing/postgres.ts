// Test databases for the PostgreSQL store: one fresh schema per store, all dropped at the end of the test file.
import pg from 'pg';
import { PostgresStore } from '../postgres.js';

/** Where the tests find a PostgreSQL server (.ci/run sets it; `.ci/postgres.sh start` prints it). */
export const PG_TEST_ENV = 'CONVERGENCE_TEST_DATABASE_URL';

const HOW_TO = `start a throwaway server with: eval "$(bash .ci/postgres.sh start)" (Debian's postgresql package; stop it with: bash .ci/postgres.sh stop)`;

let warned = false;

/**
 * The test server's URL. Unset: outside CI, undefined after a notice on stderr (the PostgreSQL tests are skipped);
 * in CI, an error, so that a CI without its server fails instead of passing with the tests skipped.
 */
export function pgTestUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = env[PG_TEST_ENV]?.trim();
  if (url) return url;
  if (env.CI) throw new Error(`${PG_TEST_ENV} is not set, and CI must run the PostgreSQL store tests: ${HOW_TO}`);
  if (!warned) process.stderr.write(`notice: PostgreSQL store tests skipped (${PG_TEST_ENV} is not set); to run them, ${HOW_TO}\n`);
  warned = true;
  return undefined;
}

/** Hands out stores in new schemas of the test database; `dropAll` removes every schema it created. */
export class PgTestSchemas {
  private readonly created: string[] = [];
  private readonly prefix = `test_${process.pid}_${Date.now().toString(36)}`;

  constructor(readonly url: string) {}

  /** A new schema name, unique to this process and file (tests run in parallel files). */
  schema(): string {
    const name = `${this.prefix}_${this.created.length}`;
    this.created.push(name);
    return name;
  }

  store(schema = this.schema()): PostgresStore {
    return new PostgresStore(this.url, { schema, max: 4 });
  }

  async dropAll(): Promise<void> {
    if (this.created.length === 0) return;
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      for (const name of this.created) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    } finally {
      await client.end();
    }
  }
}
