// A session as the admin API shows it: personal values masked by field name, then NIR/IBAN shapes anywhere.
import { redact } from '../../conformance/identifiers/index.js';
import { personalKind } from '../../conformance/engine/redaction.js';
import type { SessionCfa } from '../../conformance/model/session.js';
import { scrubValue } from '../../reports/suite/scrub.js';

/** Masks values under personal field names (`apprenti.nom`, `query.dateNaissance`, `…iban`) at any depth. */
function byName(value: unknown, path: string): unknown {
  if (Array.isArray(value)) return value.map((v, i) => byName(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, byName(v, path === '' ? k : `${path}.${k}`)]));
  }
  if ((typeof value === 'string' && value !== '') || typeof value === 'number') {
    const kind = personalKind(path);
    if (kind !== undefined) return redact(kind, String(value));
  }
  return value;
}

/** A deep copy of the session safe to show: the recorder keeps no credential, this masks the personal data. */
export function scrubSession(session: SessionCfa): SessionCfa {
  return scrubValue(byName(session, '')) as SessionCfa;
}
