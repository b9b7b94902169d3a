// Off loopback: which hosts are loopback, the generated credentials kept beside the store, the URLs printed.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkConfig, demoConfig, DEMO } from './tenants.js';
import { credentialsConfig, credentialsFileOf, CredentialsError, demoCredentialsIn, isLoopback, listeningUrls, sandboxCredentials } from './host-safety.js';

const dir = mkdtempSync(join(tmpdir(), 'host-safety-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('isLoopback', () => {
  it('knows localhost, 127.0.0.0/8 and ::1; every other address is reachable from elsewhere', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopback(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.org', '128.0.0.1', '::ffff:10.0.0.1']) expect(isLoopback(host), host).toBe(false);
  });
});

describe('sandbox credentials', () => {
  it('are generated once, kept beside the SQLite store with mode 0600, and read back unchanged', () => {
    const store = join(dir, 'mock.sqlite');
    const first = sandboxCredentials(store);
    expect(first).toMatchObject({ created: true, file: credentialsFileOf(store) });
    expect(statSync(credentialsFileOf(store)).mode & 0o777).toBe(0o600);
    expect(Object.values(first.credentials)).not.toContain(DEMO.adminToken);
    const again = sandboxCredentials(store);
    expect(again.created).toBe(false);
    expect(again.credentials).toEqual(first.credentials);
  });

  it('are new at each start with the memory store or a database URL, and a damaged file is an error naming it', () => {
    const database = sandboxCredentials('postgres://u:p@db/mock');
    expect(database.created).toBe(true);
    expect(database.file).toBeUndefined();
    const a = sandboxCredentials('memory');
    const b = sandboxCredentials('memory');
    expect(a.file).toBeUndefined();
    expect(a.credentials.adminToken).not.toBe(b.credentials.adminToken);
    writeFileSync(credentialsFileOf(join(dir, 'bad.sqlite')), '{"adminToken": "x"}');
    expect(() => sandboxCredentials(join(dir, 'bad.sqlite'))).toThrow(CredentialsError);
  });

  it('make a valid tenant config with no demo value, its OAuth2 client on every OPCO', () => {
    const config = checkConfig(credentialsConfig(sandboxCredentials('memory').credentials), 'generated');
    expect(demoCredentialsIn(config)).toEqual([]);
    expect(Object.keys(config.opcos ?? {})).toContain('akto');
    expect(demoCredentialsIn(demoConfig())).toEqual(['admin token', 'CFA API key']);
  });
});

describe('listeningUrls', () => {
  it('prints a wildcard address as it is, then the URLs that reach it, loopback first', () => {
    const urls = listeningUrls({ address: '0.0.0.0', family: 'IPv4', port: 4321 });
    expect(urls.bound).toBe('http://0.0.0.0:4321');
    expect(urls.wildcard).toBe(true);
    expect(urls.reachable[0]).toBe('http://127.0.0.1:4321');
    expect(listeningUrls({ address: '::1', family: 'IPv6', port: 80 })).toEqual({ bound: 'http://[::1]:80', wildcard: false, reachable: ['http://[::1]:80'] });
  });
});
