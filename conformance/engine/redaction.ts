// Last line of defence before a finding leaves the engine: personal values in violations and free text are masked.
import { redact, type RedactKind } from '../identifiers/index.js';
import type { RuleResult, Violation } from '../rules/rule.js';

/**
 * The redaction kind for a payload path, or undefined when the path holds no personal data. Matching is on
 * path segments (`apprenti.nom`, `lignes[0].IBAN`), case-insensitive, so `employeur.denomination` (a company
 * name) and `employeur.nombreDeSalaries` stay readable.
 */
export function personalKind(path: string): RedactKind | undefined {
  let found: RedactKind | undefined;
  let parent = '';
  for (const raw of path.split('.')) {
    const segment = raw.replace(/\[\d*\]/g, '').toLowerCase();
    if (segment === '') continue;
    // A street line identifies where a person lives (the apprentice's, their legal guardian's); employers' are
    // masked too, the postal code and commune stay readable for the rules' messages.
    const rue = parent === 'adresse' && (segment === 'adresse1' || segment === 'adresse2');
    parent = segment;
    if (rue) {
      found = 'nom';
      continue;
    }
    if (segment.includes('nir')) return 'nir';
    if (segment.includes('iban')) return 'iban';
    if (segment === 'nom' || segment === 'nomusage' || segment === 'prenom' || segment.startsWith('communenaissance')) found = 'nom';
    else if (segment.includes('datenaissance')) found = 'date';
    else if (segment.includes('courriel')) found = 'courriel';
    else if (segment.includes('telephone')) found = 'telephone';
  }
  return found;
}

// NIR: 13 digits or 15 with the key, sex digit first (1, 2, or 3/4/7/8 for temporary numbers), spaces allowed.
const NIR_TEXT = /\b[1-478](?:[ ]?\d){12}(?:[ ]?\d{2})?\b/g;
// IBAN: two letters, two check digits, 11 to 30 alphanumerics, spaces allowed every four characters.
const IBAN_TEXT = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/g;

/**
 * Masks NIR- and IBAN-shaped substrings in free text (messages, reasons) that a rule may have built from the
 * payload. A SIRET (14 digits) is not NIR-shaped and stays readable.
 */
export function scrubText(text: string): string {
  if (text.length < 13) return text;
  // Skip and not-applicable reasons repeat on every record: remember the texts found clean (only those, so no
  // personal value is kept in memory).
  if (cleanTexts.has(text)) return text;
  const clean = text.replace(NIR_TEXT, (m) => redact('nir', m)).replace(IBAN_TEXT, (m) => redact('iban', m));
  if (clean === text && cleanTexts.size < 2048) cleanTexts.add(text);
  return clean;
}

const cleanTexts = new Set<string>();

/**
 * Whether an `expected` text on a personal path is a value (the échéance's IBAN, the dossier's name) rather
 * than a description ("13 ou 15 chiffres", "non vide"): values are masked, descriptions kept readable.
 */
function looksLikeValue(kind: RedactKind, text: string): boolean {
  const t = text.trim();
  switch (kind) {
    case 'date':
      return /\d{4}-\d{2}-\d{2}|\d{2}\/\d{2}\/\d{4}/.test(t);
    case 'courriel':
      return t.includes('@');
    case 'telephone':
      return /\d{6}/.test(t.replace(/[ .-]/g, ''));
    case 'nom':
      // A name is one token, or carries no lower-case letter ("DE LA FONTAINE"); descriptions are lower-case words.
      return !/\s/.test(t) || !/\p{Ll}/u.test(t);
    default:
      return /\d{6}/.test(t.replace(/ /g, ''));
  }
}

// What rules write for a missing value: nothing personal in it, and the reader needs to see it.
const ABSENT = new Set(['', 'undefined', 'null', 'absent', '(absent)', 'vide', '(vide)', 'non renseigné', '(non renseigné)']);

function redactViolation(violation: Violation): Violation {
  const kind = personalKind(violation.path);
  const received = String(violation.received);
  const expected = String(violation.expected);
  const out: Violation = {
    path: violation.path,
    expected: kind !== undefined && looksLikeValue(kind, expected) ? redact(kind, expected) : scrubText(expected),
    received: kind === undefined ? scrubText(received) : ABSENT.has(received.trim().toLowerCase()) ? received : redact(kind, received),
  };
  if (violation.message !== undefined) out.message = scrubText(String(violation.message));
  return out;
}

/** A copy of a result whose personal values are masked; pass results are returned as they are. */
export function redactResult(result: RuleResult): RuleResult {
  switch (result.outcome) {
    case 'pass':
      return result;
    case 'fail':
      return { outcome: 'fail', violations: result.violations.map(redactViolation) };
    default: {
      const reason = scrubText(String(result.reason));
      return reason === result.reason ? result : { outcome: result.outcome, reason };
    }
  }
}
