// The sandbox's Ed25519 signing key: generated at first start and kept beside the store, or given as a PEM file.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { keyIdOf, PUBLIC_KEY_PATH, type Signer } from './signature.js';

/** A key file that cannot be used; the message names the file and what is wrong. */
export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningKeyError';
  }
}

export interface SigningKey extends Signer {
  /** Where it came from, for the start banner: the file, or `generated for this process`. */
  source: string;
  /** True when this start generated it. */
  created: boolean;
}

function signerOf(privateKey: KeyObject, source: string, created: boolean): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(`${source}: an Ed25519 private key is expected, found ${privateKey.asymmetricKeyType ?? 'a secret key'}`);
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: keyIdOf(publicKey), source, created };
}

/** The key file next to a SQLite store: `<store>-signing-key.pem`. */
export const signingKeyFileOf = (store: string): string => `${store}-signing-key.pem`;

/** A fresh key, kept nowhere (memory store: each run signs with a new key). */
export function ephemeralSigningKey(): SigningKey {
  return signerOf(generateKeyPairSync('ed25519').privateKey, 'generated for this process, kept nowhere: give --signing-key to keep one', true);
}

/** Reads a PKCS#8 PEM private key (`openssl genpkey -algorithm ed25519`). */
export function readSigningKey(file: string): SigningKey {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SigningKeyError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(text);
  } catch {
    throw new SigningKeyError(`${file}: not a PEM private key (make one with: openssl genpkey -algorithm ed25519 -out ${file})`);
  }
  return signerOf(key, file, false);
}

/** The key kept in `file`, created there (mode 0600) on first use. */
export function storedSigningKey(file: string): SigningKey {
  const generated = generateKeyPairSync('ed25519').privateKey;
  const pem = generated.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    mkdirSync(dirname(file), { recursive: true });
    // `wx`: never overwrite a key that exists, even one written by another process meanwhile.
    writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    return signerOf(generated, file, true);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readSigningKey(file);
    throw new SigningKeyError(`${file}: cannot write the signing key (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** Serves the public key, so anyone holding a report can fetch what to check it with. */
export function registerPublicKeyRoute(app: FastifyInstance, signer: Pick<Signer, 'publicKeyPem' | 'keyId'>): void {
  app.get(PUBLIC_KEY_PATH, async (_request, reply) =>
    reply.type('application/x-pem-file; charset=utf-8').header('x-key-id', signer.keyId).header('cache-control', 'no-cache').send(signer.publicKeyPem),
  );
}
