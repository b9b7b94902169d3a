// The HTML report's signature block: what the sandbox signed, with which key, and how to check the JSON report.
import type { SuiteReport } from './model.js';

/** Same escaping as html.ts (kept here so html.ts does not grow an import cycle). */
const e = (value: string | number): string => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Empty for an unsigned report. */
export function signatureHtml(report: SuiteReport): string {
  const signature = report.signature;
  if (signature === undefined) return '';
  const s = signature.statement;
  const keyUrl = `${report.target.url.replace(/\/+$/, '')}${signature.publicKeyPath}`;
  const rows: [string, string][] = [
    ['Verdict', s.verdict],
    ['Software', s.editor ? `${s.editor.editeur} / ${s.editor.logiciel} ${s.editor.version}` : 'not sent'],
    ['OPCO profile', s.opco],
    ['Session', `${s.session} (CFA ${s.cfa})`],
    ['Capabilities', s.capabilities.join(', ') || 'none'],
    ['Findings digest', s.findingsDigest],
    ['Issued', s.issuedAt],
    ['Valid until', s.expiresAt],
    ['Key', `${signature.algorithm} ${signature.keyId}`],
  ];
  const steps = [
    `curl -fsS -o convergence-signing-key.pem ${keyUrl}`,
    'npx convergence verify report.json --key convergence-signing-key.pem',
  ].join('\n');
  return `<section class="coverage" id="signature">
<h2 style="margin-top:4px">Signature</h2>
<p class="note">The certification sandbox signed this verdict (Ed25519) in <code>report.json</code>; this page only shows it.</p>
<dl class="kv">${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>
<p class="note">To check it, fetch the sandbox's public key and verify the JSON report beside this page. Exit code 0: valid; 1: authentic but expired (or not yet valid); 2: tampered, unsigned or signed by another key.</p>
<pre>${e(steps)}</pre>
<details><summary>Public key and signature value</summary><pre>${e(signature.publicKey.trim())}</pre><pre>${e(signature.value)}</pre></details>
</section>`;
}
