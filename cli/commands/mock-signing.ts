// The signing key and validity of certification reports, from `--signing-key` / `--validity` or kept beside the store.
import { resolve } from 'node:path';
import { ExitError } from '../io.js';
import { addDuration, parseDuration } from '../../mocks/clock.js';
import { DEFAULT_VALIDITY } from '../../mocks/certification/signature.js';
import { isFileStore } from '../../mocks/host-safety.js';
import { ephemeralSigningKey, readSigningKey, signingKeyFileOf, SigningKeyError, storedSigningKey, type SigningKey } from '../../mocks/certification/signing-key.js';

export interface CertificationSigning {
  signer: SigningKey;
  validity: string;
}

/** Checks `--validity` (an ISO 8601 duration, `P12M`, `P1Y`, `P90D`); throws ExitError otherwise. */
export function parseValidity(raw: string | undefined): string {
  const validity = raw?.trim() || DEFAULT_VALIDITY;
  let ok = false;
  try {
    parseDuration(validity);
    const now = new Date();
    ok = addDuration(now, validity).getTime() > now.getTime();
  } catch {
    ok = false;
  }
  if (!ok) throw new ExitError(`--validity: expected a positive ISO 8601 duration such as P12M, P1Y or P90D, received '${raw ?? ''}'`);
  return validity;
}

/** The given key; else the one kept beside the SQLite store (created at first start); else (memory, a database URL) a new one per run. */
export function certificationSigning(options: { signingKey?: string; validity?: string }, store: 'memory' | string, cwd: string): CertificationSigning {
  const validity = parseValidity(options.validity);
  try {
    const signer = options.signingKey
      ? readSigningKey(resolve(cwd, options.signingKey))
      : isFileStore(store)
        ? storedSigningKey(signingKeyFileOf(store))
        : ephemeralSigningKey();
    return { signer, validity };
  } catch (error) {
    if (error instanceof SigningKeyError) throw new ExitError(`${options.signingKey ? '--signing-key' : 'signing key'}: ${error.message}`);
    throw error;
  }
}
