// A session as the admin API shows it: bodies redacted whatever their type, personal values masked by field name, then NIR/IBAN shapes anywhere.
import type { EchangeCfa, SessionCfa } from '../../conformance/model/session.js';
import { redactBody, redactFields, scrubValue } from '../../reports/suite/scrub.js';
import { receivedBody } from '../redact.js';

/** An exchange whose bodies are redacted as bodies: text parsed as JSON when it parses, a client's other text masked whole. */
function scrubBodies(e: EchangeCfa): EchangeCfa {
  const out: EchangeCfa = { ...e, response: { ...e.response } };
  if (e.body !== undefined) out.body = redactBody(e.body, 'mask');
  if (e.response.body !== undefined) out.response.body = redactBody(e.response.body, 'scrub');
  return out;
}

/** A deep copy of the session safe to show: the recorder keeps no credential, this masks the personal data. */
export function scrubSession(session: SessionCfa): SessionCfa {
  const { echanges, ...rest } = session;
  const scrubbed = scrubValue(redactFields(rest)) as Omit<SessionCfa, 'echanges'>;
  // Timestamps (receivedAtMs) are numbers no shape matches: scrubValue leaves them as they are.
  return { ...scrubbed, echanges: echanges.map((e) => scrubValue(redactFields(scrubBodies(e))) as EchangeCfa) };
}

/**
 * The session the judge reads for a report: request bodies the mock did not parse as JSON redacted as the recorder
 * keeps them today (a store written by an earlier version kept them whole; curls and evidence are built from them).
 * JSON bodies stay whole: the payload rules judge their values, the renderers mask them.
 */
export function withRecordedBodies(session: SessionCfa): SessionCfa {
  return {
    ...session,
    echanges: session.echanges.map((e) => {
      if (e.body === undefined) return e;
      const body = receivedBody(e.body, e.headers['content-type']);
      return body === e.body ? e : { ...e, body };
    }),
  };
}
