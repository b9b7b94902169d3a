// The signing key: created once beside the store (mode 0600) and reused, read from a given PEM, refused when unusable.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSigningKey, SigningKeyError, signingKeyFileOf, storedSigningKey } from './signing-key.js';

const dir = mkdtempSync(join(tmpdir(), 'signing-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('signing key', () => {
  it('is created at first start beside the store, readable by its owner only, and the same key afterwards', () => {
    const file = signingKeyFileOf(join(dir, 'sub', 'cert.sqlite'));
    const first = storedSigningKey(file);
    expect(first.created).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = storedSigningKey(file);
    expect(again).toMatchObject({ created: false, keyId: first.keyId, publicKeyPem: first.publicKeyPem });
    expect(readSigningKey(file).keyId).toBe(first.keyId);
  });

  it('refuses a missing file, a file that is not a key and a key that is not Ed25519, naming the file', () => {
    expect(() => readSigningKey(join(dir, 'none.pem'))).toThrow(/none\.pem: cannot read \(ENOENT\)/);
    writeFileSync(join(dir, 'text.pem'), 'hello');
    expect(() => readSigningKey(join(dir, 'text.pem'))).toThrow(SigningKeyError);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    writeFileSync(join(dir, 'rsa.pem'), rsa);
    expect(() => readSigningKey(join(dir, 'rsa.pem'))).toThrow(/rsa\.pem: an Ed25519 private key is expected, found rsa/);
  });
});
