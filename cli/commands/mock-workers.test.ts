// The worker pool's command line: what the workers run, and the options it refuses before forking anything.
import { describe, expect, it } from 'vitest';
import { defaultIO, ExitError } from '../io.js';
import { serveWithWorkers, workerArgs, workerCount } from './mock-workers.js';

describe('mock --workers', () => {
  it('gives the workers the same command without --workers', () => {
    expect(workerArgs(['mock', '--workers', '4', '--store', 'x.sqlite'])).toEqual(['mock', '--store', 'x.sqlite']);
    expect(workerArgs(['mock', '--workers=4', '--port', '0'])).toEqual(['mock', '--port', '0']);
  });

  it('refuses a memory store and a count that is not a small whole number', async () => {
    await expect(serveWithWorkers('3', 'memory', defaultIO())).rejects.toThrow(new ExitError('--workers: the workers share their data through the store only; give a SQLite file or a postgres:// URL, not memory'));
    // One process is the plain mock: memory is fine there.
    expect(workerCount('1', 'memory')).toBe(1);
    for (const bad of ['0', '2.5', 'many', '65']) await expect(serveWithWorkers(bad, '/tmp/x.sqlite', defaultIO())).rejects.toThrow(/a whole number from 1 to 64/);
  });
});
