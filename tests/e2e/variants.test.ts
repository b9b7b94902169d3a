// `convergence mock --break`: an unknown variant is an input error (exit 2), a known one is announced and served.
// (The suite against each variant is tests/e2e/suite-variants.test.ts.)
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { startMock } from '../../cli/commands/mock.js';
import { HEADERS } from '../../mocks/testdata/fixtures.js';
import { captureIO } from '../../cli/testing.js';

describe('convergence mock --break', () => {
  it('exits 2 on an unknown variant, naming it and the known ones', async () => {
    const io = captureIO();
    const code = await main(['node', 'convergence', 'mock', '--store', 'memory', '--port', '0', '--break', 'facture-total-non-controle', 'pas-une-variante'], io);
    expect(code).toBe(2);
    expect(io.err()).toContain('pas-une-variante');
    expect(io.err()).toContain('isolation-dossier-rompue');
  });

  it('announces the broken variants and serves them', async () => {
    const io = captureIO();
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
