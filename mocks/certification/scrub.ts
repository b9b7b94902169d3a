// A session as the admin API shows it: personal values masked by field name, then NIR/IBAN shapes anywhere.
import type { SessionCfa } from '../../conformance/model/session.js';
import { redactFields, scrubValue } from '../../reports/suite/scrub.js';

/** A deep copy of the session safe to show: the recorder keeps no credential, this masks the personal data. */
export function scrubSession(session: SessionCfa): SessionCfa {
  return scrubValue(redactFields(session)) as SessionCfa;
}
