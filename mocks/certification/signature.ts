// Signed certification reports (issue 17 §4): the statement a signature covers, signing it, and checking a report.
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { addDuration } from '../clock.js';
import {
  SIGNED_REPORT_SCHEMA_VERSION,
  type ReportSignature,
  type SignedStatement,
  type SuiteReport,
} from '../../reports/suite/model.js';

/** Where the sandbox serves its public key (SPKI PEM), under its base URL. */
export const PUBLIC_KEY_PATH = '/.well-known/convergence-signing-key.pem';

/** How long a signed report stays valid when nothing else is said: 12 months. */
export const DEFAULT_VALIDITY = 'P12M';

/** What signs: an Ed25519 private key and what identifies its public half. */
export interface Signer {
  privateKey: KeyObject;
  publicKeyPem: string;
  keyId: string;
}

/**
 * JSON with object keys sorted (by UTF-16 code units, as RFC 8785) and no whitespace: the bytes signed. The
 * statement holds only strings, arrays, objects and null, for which this is RFC 8785's canonical form.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`not JSON: ${typeof value}`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/** `sha256:` and 16 hex digits of the public key's SPKI DER: short enough to read aloud, long enough to tell keys apart. */
export function keyIdOf(publicKey: KeyObject): string {
  return `sha256:${sha256(publicKey.export({ type: 'spki', format: 'der' })).slice(0, 16)}`;
}

/** The outcomes a verdict rests on: each rule's and checklist item's, and the summary; evidence text is not signed. */
export function findingsDigest(report: Pick<SuiteReport, 'rules' | 'checklist' | 'summary'>): string {
  const findings = {
    rules: report.rules.map((r) => ({ ruleId: r.ruleId, severity: r.severity, outcome: r.outcome, waived: r.waived !== undefined, evidence: r.evidence.length })),
    checklist: (report.checklist ?? []).map((i) => ({ id: i.id, capability: i.capability, outcome: i.outcome })),
    summary: report.summary,
  };
  return `sha256:${sha256(canonicalJson(findings))}`;
}

/** The statement a report makes, at the given issue and expiry instants. */
export function statementOf(report: SuiteReport, issuedAt: string, expiresAt: string): SignedStatement {
  const session = report.session;
  if (report.kind !== 'cfa' || !session) throw new TypeError('only a certification (kind cfa) report with its session can be signed');
  const editor = session.editor ? { editeur: session.editor.editeur, logiciel: session.editor.logiciel, version: session.editor.version } : null;
  return {
    format: 'convergence-certification/1',
    verdict: report.exitCode === 0 ? 'certified' : 'not-certified',
    session: session.id,
    opco: session.opco,
    cfa: session.cfa,
    editor,
    protocolVersion: session.version ?? null,
    capabilities: [...session.capabilities],
    findingsDigest: findingsDigest(report),
    tool: { name: report.tool.name, version: report.tool.version },
    issuedAt,
    expiresAt,
  };
}

/** The report with its signature (schema 1.2), valid from `now` for `validity` (an ISO 8601 duration, 12 months by default). */
export function signReport(report: SuiteReport, signer: Signer, now: Date = new Date(), validity: string = DEFAULT_VALIDITY): SuiteReport {
  const unsigned: SuiteReport = { ...report };
  delete unsigned.signature;
  const statement = statementOf(unsigned, now.toISOString(), addDuration(now, validity).toISOString());
  const signature: ReportSignature = {
    algorithm: 'Ed25519',
    keyId: signer.keyId,
    publicKey: signer.publicKeyPem,
    publicKeyPath: PUBLIC_KEY_PATH,
    statement,
    value: sign(null, Buffer.from(canonicalJson(statement), 'utf8'), signer.privateKey).toString('base64'),
  };
  return { ...unsigned, schemaVersion: SIGNED_REPORT_SCHEMA_VERSION, signature };
}

/**
 * `valid` (exit 0); `expired` or `not-yet-valid` (exit 1: authentic, not valid at that instant); `tampered`,
 * `unsigned` or `wrong-key` (exit 2: the report does not say what its signer signed, or another key signed it).
 */
export type VerifyStatus = 'valid' | 'expired' | 'not-yet-valid' | 'tampered' | 'unsigned' | 'wrong-key';

export interface VerifyResult {
  status: VerifyStatus;
  /** English, for the CLI: what was found. */
  reason: string;
  /** Whether the key checked against was given (`--key`) rather than the one the report carries. */
  trustedKey: boolean;
  keyId?: string;
  statement?: SignedStatement;
}

export const VERIFY_EXIT: Record<VerifyStatus, 0 | 1 | 2> = { valid: 0, expired: 1, 'not-yet-valid': 1, tampered: 2, unsigned: 2, 'wrong-key': 2 };

function signatureBlock(report: unknown): ReportSignature | undefined {
  const block = (report as { signature?: unknown } | null)?.signature;
  if (block === null || typeof block !== 'object') return undefined;
  const s = block as Partial<ReportSignature>;
  const statement = s.statement as Partial<SignedStatement> | undefined;
  const ok =
    s.algorithm === 'Ed25519' && typeof s.value === 'string' && typeof s.publicKey === 'string' &&
    statement !== null && typeof statement === 'object' && typeof statement.issuedAt === 'string' && typeof statement.expiresAt === 'string';
  return ok ? (s as ReportSignature) : undefined;
}

function checks(statement: SignedStatement, value: string, key: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(canonicalJson(statement), 'utf8'), key, Buffer.from(value, 'base64'));
  } catch {
    return false;
  }
}

/** The members of the signed statement the report's body no longer agrees with. */
function disagreements(report: SuiteReport, statement: SignedStatement): string[] {
  let fromBody: SignedStatement;
  try {
    fromBody = statementOf(report, statement.issuedAt, statement.expiresAt);
  } catch {
    return ['kind, session or rules (the body is not a certification report)'];
  }
  return (Object.keys(fromBody) as (keyof SignedStatement)[]).filter((k) => canonicalJson(fromBody[k]) !== canonicalJson(statement[k] ?? null));
}

/** Checks a parsed report against `publicKey` (the sandbox's), or against the key it carries when none is given. */
export function verifyReport(report: unknown, options: { publicKey?: KeyObject; now?: Date } = {}): VerifyResult {
  const trustedKey = options.publicKey !== undefined;
  const block = signatureBlock(report);
  if (!block) return { status: 'unsigned', reason: 'no signature block (a report signed by the sandbox has schemaVersion 1.2 and a "signature" member)', trustedKey };
  const { statement, value } = block;
  let carried: KeyObject | undefined;
  try {
    carried = createPublicKey(block.publicKey);
  } catch {
    carried = undefined;
  }
  const given = options.publicKey?.type === 'private' ? createPublicKey(options.publicKey) : options.publicKey;
  const key = given ?? carried;
  if (!key) return { status: 'tampered', reason: 'the public key in the signature block does not parse', trustedKey };
  const keyId = keyIdOf(key);
  if (!checks(statement, value, key)) {
    if (trustedKey && carried && checks(statement, value, carried)) {
      return { status: 'wrong-key', reason: `signed by another key (${keyIdOf(carried)}), not by the key given (${keyId})`, trustedKey, keyId };
    }
    return { status: 'tampered', reason: 'the signature does not match the signed statement: it was changed after signing', trustedKey, keyId };
  }
  const changed = disagreements(report as SuiteReport, statement);
  if (changed.length > 0) {
    return { status: 'tampered', reason: `the report's body was changed after signing: it no longer agrees with the signed ${changed.join(', ')}`, trustedKey, keyId, statement };
  }
  const now = (options.now ?? new Date()).getTime();
  const issued = Date.parse(statement.issuedAt);
  const expires = Date.parse(statement.expiresAt);
  if (Number.isNaN(issued) || Number.isNaN(expires)) return { status: 'tampered', reason: 'the signed issue or expiry date does not parse', trustedKey, keyId, statement };
  if (now < issued) return { status: 'not-yet-valid', reason: `issued ${statement.issuedAt}, after the instant checked`, trustedKey, keyId, statement };
  if (now >= expires) return { status: 'expired', reason: `expired ${statement.expiresAt} (issued ${statement.issuedAt})`, trustedKey, keyId, statement };
  return { status: 'valid', reason: `issued ${statement.issuedAt}, valid until ${statement.expiresAt}`, trustedKey, keyId, statement };
}
