// Public entry of the mock's certification mode: options, script loader, recorder, session loading, scrubbing and report signatures.
export { CertificationRecorder, checkPlays, sessionIdOf, type CertificationOptions } from './recorder.js';
export { checkCertificationScript, defaultScriptPath, loadCertificationScript, playProblem, ScriptError, type CertificationScript, type Play, type PlayAnswer } from './script.js';
export { loadSession } from './session.js';
export { scrubSession } from './scrub.js';
export type { SessionSummary, StoredSession, SessionMeta } from '../store/types.js';
export { canonicalJson, findingsDigest, PUBLIC_KEY_PATH, signReport, verifyReport, VERIFY_EXIT, type Signer, type VerifyResult, type VerifyStatus } from './signature.js';
export { ephemeralSigningKey, readSigningKey, storedSigningKey, SigningKeyError, type SigningKey } from './signing-key.js';
