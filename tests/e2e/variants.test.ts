// `convergence mock --break`: an unknown variant is an input error (exit 2), a known one is announced and served.
// (The suite against each variant is tests/e2e/suite-variants.test.ts.)
import { PassThrough, Readable } from 'node:stream';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import type { CliIO } from '../../cli/io.js';
import { startMock } from '../../cli/commands/mock.js';
import { createMockApp } from '../../mocks/app.js';
import { frozenClock } from '../../mocks/clock.js';
import { HEADERS } from '../../mocks/testdata/fixtures.js';
import { DEMO } from '../../mocks/tenants.js';
import { VARIANTS, type VariantId } from '../../mocks/variants/index.js';
import { isFinding, type SuiteReport } from '../../reports/suite/model.js';

function fakeIO(): CliIO & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  return { stdout, stderr, stdin: Readable.from([]), env: {}, cwd: process.cwd(), out: () => out, err: () => err };
}

describe('convergence mock --break', () => {
  it('exits 2 on an unknown variant, naming it and the known ones', async () => {
    const io = fakeIO();
    const code = await main(['node', 'convergence', 'mock', '--store', 'memory', '--port', '0', '--break', 'facture-total-non-controle', 'pas-une-variante'], io);
    expect(code).toBe(2);
    expect(io.err()).toContain('pas-une-variante');
    expect(io.err()).toContain('isolation-dossier-rompue');
  });

  it('announces the broken variants and serves them', async () => {
    const io = fakeIO();
    const running = await startMock({ port: '0', host: '127.0.0.1', store: 'memory', break: ['dossier-inconnu-200-vide'] }, io);
    try {
      expect(io.out()).toContain('BROKEN on purpose (not conformant): dossier-inconnu-200-vide');
      const res = await fetch(`${running.url}/v2/dossiers?numeroInterne=INCONNU`, { headers: HEADERS });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('');
    } finally {
      await running.stop();
    }
  });
});
