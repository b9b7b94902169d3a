// Public entry of the mock's certification mode: options, script loader, recorder, session loading and scrubbing.
export { CertificationRecorder, checkPlays, sessionIdOf, type CertificationOptions } from './recorder.js';
export { checkCertificationScript, defaultScriptPath, loadCertificationScript, playProblem, ScriptError, type CertificationScript, type Play, type PlayAnswer } from './script.js';
export { loadSession } from './session.js';
export { scrubSession } from './scrub.js';
export type { SessionSummary, StoredSession, SessionMeta } from '../store/types.js';
