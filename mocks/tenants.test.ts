// Tenant config: the example loads, every mistake names the file and the place, keys resolve per OPCO.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isValidIban, isValidSiret } from '../conformance/identifiers/index.js';
import { mocksAsset } from './profiles.js';
import { ConfigError, DEMO, demoConfig, loadMockConfig, TenantRegistry } from './tenants.js';

const dir = mkdtempSync(join(tmpdir(), 'mock-tenants-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('loadMockConfig', () => {
  it('loads the documented example', () => {
    const config = loadMockConfig(mocksAsset('config.example.yaml'));
    expect(config.cfas).toHaveLength(2);
    expect(config.opcos?.akto?.clients?.[0]?.clientId).toBe('mon-logiciel');
  });

  it('names the file and the JSON path of each mistake', () => {
    const file = write('bad.yaml', 'admin: { token: x }\ncfas:\n  - { siret: "12", denomination: A, keys: {}, iban: FR76 }\n');
    let message = '';
    try {
      loadMockConfig(file);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain(file);
    for (const place of ['/admin/token', '/cfas/0/siret', '/cfas/0/keys', '/cfas/0/iban']) expect(message).toContain(place);
  });

  it('accepts the wire quirks of mocks/profiles.yaml per OPCO, and refuses a value they do not take', () => {
    const base = 'admin: { token: long-enough-token }\ncfas: []\n';
    const ok = loadMockConfig(write('quirks.yaml', `${base}opcos:\n  atlas: { depotStatus: 200, erreurDescriptionRacine: comment, employeurV2: true, pageEtatsEnveloppeTableau: true, naturesFraisCasse: mots, formeDates: date-time }\n`));
    expect(ok.opcos?.atlas).toMatchObject({ depotStatus: 200, formeDates: 'date-time' });
    expect(() => loadMockConfig(write('quirk-bad.yaml', `${base}opcos:\n  atlas: { depotStatus: 202 }\n`))).toThrow(/\/opcos\/atlas\/depotStatus/);
  });

  it('refuses an unknown key, a bad duration, a duplicate SIRET, a YAML error and a missing file', () => {
    const base = 'admin: { token: long-enough-token }\ncfas: []\n';
    expect(() => loadMockConfig(write('extra.yaml', `${base}colour: blue\n`))).toThrow(/colour/);
    expect(() => loadMockConfig(write('dur.yaml', `${base}delais: { decision: P5X }\n`))).toThrow(/\/delais\/decision/);
    const cfa = '{ siret: "85300000800005", denomination: A, keys: { "*": abcdefghij }, iban: FR7630006000011234567890189 }';
    expect(() => loadMockConfig(write('dup.yaml', `admin: { token: long-enough-token }\ncfas: [${cfa}, ${cfa}]\n`))).toThrow(/duplicate SIRET/);
    expect(() => loadMockConfig(write('yaml.yaml', 'admin: [\n'))).toThrow(/yaml\.yaml: line \d+/);
    expect(() => loadMockConfig(join(dir, 'none.yaml'))).toThrow(/none\.yaml: cannot read \(ENOENT\)/);
  });
});

describe('demo tenant and key lookup', () => {
  it('uses valid identifiers for the demo CFA', () => {
    expect(isValidSiret(DEMO.siret)).toBe(true);
    expect(isValidIban(DEMO.iban)).toBe(true);
    expect(demoConfig().cfas[0]?.keys['*']).toBe(DEMO.apiKey);
  });

  it('finds a CFA by its key for one OPCO, or for every OPCO with "*"', () => {
    const registry = new TenantRegistry([
      { siret: '85300000800005', denomination: 'A', keys: { atlas: 'key-a-atlas' }, iban: DEMO.iban },
      { siret: '42100000100006', denomination: 'B', keys: { '*': 'key-b-all' }, iban: DEMO.iban },
    ]);
    expect(registry.findByKey('atlas', 'key-a-atlas')?.denomination).toBe('A');
    expect(registry.findByKey('akto', 'key-a-atlas')).toBeUndefined();
    expect(registry.findByKey('akto', 'key-b-all')?.denomination).toBe('B');
    registry.add({ siret: '85300000800005', denomination: 'A2', keys: { akto: 'key-a-akto' }, iban: DEMO.iban });
    expect(registry.findByKey('atlas', 'key-a-atlas')).toBeUndefined();
    expect(registry.findByKey('akto', 'key-a-akto')?.denomination).toBe('A2');
  });
});
