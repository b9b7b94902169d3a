// Signed certification reports: a signed report verifies, a changed one does not, an expired one says so.
import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ephemeralSigningKey } from './signing-key.js';
import { canonicalJson, signReport, verifyReport, VERIFY_EXIT } from './signature.js';
import { cfaReport } from '../../reports/suite/fixtures/cfa-report.js';
import { mixedReport } from '../../reports/suite/fixtures/reports.js';
import { scrubReport, suiteReporters, validateSuiteReport, type SuiteReport } from '../../reports/suite/index.js';

const signer = ephemeralSigningKey();
const ISSUED = new Date('2026-03-01T10:00:00.000Z');
/** As the admin route does: masked first, then signed. */
const signed = (): SuiteReport => signReport(scrubReport(cfaReport), signer, ISSUED);
const publicKey = createPublicKey(signer.publicKeyPem);
const check = (report: unknown, now = new Date('2026-06-01T00:00:00Z')) => verifyReport(report, { publicKey, now });

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order, writes no whitespace and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }, 2], e: undefined, 'é': true, Z: 'z' })).toBe('{"Z":"z","a":[{"c":null,"d":"x"},2],"b":1,"é":true}');
  });
});

describe('signReport', () => {
  it('signs the verdict, editor, OPCO profile, capabilities, findings digest, issue date and a 12-month expiry (schema 1.2)', () => {
    const report = signed();
    expect(validateSuiteReport(report)).toEqual([]);
    expect(report.signature?.statement).toMatchObject({
      verdict: 'not-certified',
      editor: { editeur: 'Editions Exemple', logiciel: 'GestApprentis', version: '4.2.0' },
      opco: 'norme',
      capabilities: ['contrats'],
      findingsDigest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      issuedAt: '2026-03-01T10:00:00.000Z',
      expiresAt: '2027-03-01T10:00:00.000Z',
    });
    expect(report.signature?.keyId).toBe(signer.keyId);
  });

  it('refuses a report that is not a certification session', () => {
    expect(() => signReport(mixedReport, signer, ISSUED)).toThrow(/kind cfa/);
  });
});

describe('verifyReport', () => {
  it('says valid for the report as signed, and after the JSON renderer wrote and re-masked it', () => {
    expect(check(signed()).status).toBe('valid');
    const written = JSON.parse(suiteReporters.json(signed())) as unknown;
    expect(check(written)).toMatchObject({ status: 'valid', trustedKey: true, keyId: signer.keyId });
    expect(verifyReport(written, { now: new Date('2026-06-01T00:00:00Z') })).toMatchObject({ status: 'valid', trustedKey: false });
  });

  it('says tampered when the verdict, a rule outcome or the software changed in the body, naming what', () => {
    const verdict = signed();
    verdict.exitCode = 0;
    expect(check(verdict)).toMatchObject({ status: 'tampered', reason: expect.stringContaining('verdict') });

    const rule = signed();
    rule.rules[0]!.outcome = rule.rules[0]!.outcome === 'pass' ? 'fail' : 'pass';
    expect(check(rule)).toMatchObject({ status: 'tampered', reason: expect.stringContaining('findingsDigest') });

    const software = signed();
    software.session!.editor!.version = '9.9.9';
    expect(check(software)).toMatchObject({ status: 'tampered', reason: expect.stringContaining('editor') });
  });

  it('says tampered when the signed statement itself changed (a later expiry, another verdict)', () => {
    const later = signed();
    later.signature!.statement.expiresAt = '2099-01-01T00:00:00.000Z';
    expect(check(later)).toMatchObject({ status: 'tampered', reason: expect.stringContaining('signature does not match') });
    const both = signed();
    both.exitCode = 0;
    both.signature!.statement.verdict = 'certified';
    expect(check(both).status).toBe('tampered');
  });

  it('says expired after the expiry and not yet valid before the issue date, both exit 1', () => {
    const expired = check(signed(), new Date('2027-03-01T10:00:00.000Z'));
    expect(expired).toMatchObject({ status: 'expired', reason: expect.stringContaining('2027-03-01T10:00:00.000Z') });
    expect(VERIFY_EXIT[expired.status]).toBe(1);
    expect(check(signed(), new Date('2026-02-28T00:00:00Z')).status).toBe('not-yet-valid');
    const short = signReport(scrubReport(cfaReport), signer, ISSUED, 'PT1H');
    expect(check(short, new Date('2026-03-01T11:00:01Z')).status).toBe('expired');
  });

  it('says wrong-key when another key signed it, and unsigned without a signature block, both exit 2', () => {
    const other = ephemeralSigningKey();
    const byOther = signReport(scrubReport(cfaReport), other, ISSUED);
    const result = check(byOther);
    expect(result).toMatchObject({ status: 'wrong-key', reason: expect.stringContaining(other.keyId) });
    expect(VERIFY_EXIT[result.status]).toBe(2);
    expect(check(scrubReport(cfaReport)).status).toBe('unsigned');
    expect(check('not an object').status).toBe('unsigned');
  });
});

describe('HTML report', () => {
  it('shows the signature block and how to verify it; an unsigned report shows none', () => {
    const page = suiteReporters.html(signed());
    expect(page).toContain('id="signature"');
    expect(page).toContain(signer.keyId);
    expect(page).toContain('convergence verify report.json --key convergence-signing-key.pem');
    expect(page).toContain('/.well-known/convergence-signing-key.pem');
    expect(page).toContain('2027-03-01T10:00:00.000Z');
    expect(suiteReporters.html(cfaReport)).not.toContain('id="signature"');
  });
});
