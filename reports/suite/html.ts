// HTML renderer: one self-contained page (inline CSS and JS, no external asset) to browse a suite run by area and outcome.
import { createHash } from 'node:crypto';
import type { ChecklistItemReport, Evidence, RuleReport, ScenarioReport, SuiteReport } from './model.js';
import { OUTCOMES, bodyText, byArea, byCapability, evidenceSummary, exchangesText, headersText, headline, humanDuration, isComplete, status } from './common.js';
import { scrubReport } from './scrub.js';
import { signatureHtml } from './signature-html.js';

type Status = ReturnType<typeof status>;

/** Every dynamic text goes through this, in element content and in quoted attributes alike. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
const e = escapeHtml;

const STATUS_ORDER: readonly Status[] = [...OUTCOMES.slice(0, 2), 'waived', ...OUTCOMES.slice(2)];
const LABEL: Record<Status, string> = {
  fail: 'Fail',
  error: 'Error',
  waived: 'Waived',
  skip: 'Skipped',
  'not-applicable': 'Not applicable',
  pass: 'Pass',
};

const CSS = `
:root{--fg:#1d2330;--muted:#5b6475;--bg:#f6f7f9;--card:#fff;--line:#dde1e8;--pass:#1a7f37;--fail:#c62828;--error:#b45309;--skip:#6b7280;--na:#8b93a1;--waived:#6d28d9;--code:#f1f3f6}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,main{max-width:1100px;margin:0 auto;padding:16px 24px}
header{padding-top:24px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:28px 0 8px;text-transform:capitalize}
.meta{color:var(--muted);margin:0}
.meta code{font-size:13px}
.verdict{display:inline-block;padding:2px 10px;border-radius:12px;color:#fff;font-weight:600;font-size:13px;vertical-align:middle;margin-left:8px}
.verdict.ok{background:var(--pass)}.verdict.ko{background:var(--fail)}.verdict.err{background:var(--error)}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:110px}
.card b{display:block;font-size:22px}
.card span{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.coverage{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:0 0 12px}
.bar{height:8px;background:var(--line);border-radius:4px;overflow:hidden;margin-top:6px}
.bar i{display:block;height:100%;background:var(--pass)}
.filters{position:sticky;top:0;z-index:2;background:var(--bg);padding:10px 0;display:flex;flex-wrap:wrap;gap:6px;border-bottom:1px solid var(--line)}
.filters button,.tools button{font:inherit;border:1px solid var(--line);background:var(--card);border-radius:16px;padding:3px 12px;cursor:pointer}
.filters button[aria-pressed=true]{background:var(--fg);color:#fff;border-color:var(--fg)}
.filters .spacer{flex:1}
details.rule{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--skip);border-radius:6px;margin:6px 0}
details.rule[data-status=fail]{border-left-color:var(--fail)}details.rule[data-status=error]{border-left-color:var(--error)}
details.rule[data-status=pass]{border-left-color:var(--pass)}details.rule[data-status=waived]{border-left-color:var(--waived)}
details.rule[data-status=not-applicable]{border-left-color:var(--na)}
details.rule>summary{cursor:pointer;padding:8px 12px;display:flex;gap:10px;align-items:baseline;list-style:none}
details.rule>summary::-webkit-details-marker{display:none}
details.rule>summary:before{content:"▸";color:var(--muted)}
details.rule[open]>summary:before{content:"▾"}
.title{flex:1}
.id{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;color:var(--muted);display:block}
.badge{font-size:11px;font-weight:600;text-transform:uppercase;padding:1px 7px;border-radius:10px;color:#fff;white-space:nowrap;background:var(--skip)}
.badge.fail{background:var(--fail)}.badge.error{background:var(--error)}.badge.pass{background:var(--pass)}.badge.waived{background:var(--waived)}.badge.not-applicable{background:var(--na)}
.sev{font-size:12px;color:var(--muted);white-space:nowrap}
.sev.bloquant{color:var(--fail);font-weight:600}
.body{padding:0 14px 12px 30px}
.note{margin:6px 0;color:var(--muted)}
.evidence{border-top:1px dashed var(--line);padding-top:8px;margin-top:8px}
.evidence h4{margin:4px 0;font-size:13px}
.explain{margin:4px 0}
.kv{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}
.kv dt{color:var(--muted)}.kv dd{margin:0;font-family:ui-monospace,Menlo,monospace;font-size:12.5px;overflow-wrap:anywhere}
.ex{display:grid;grid-template-columns:1fr 1fr;gap:8px}
@media (max-width:800px){.ex{grid-template-columns:1fr}}
.ex h5,.curl h5{margin:6px 0 2px;font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
pre{background:var(--code);border:1px solid var(--line);border-radius:4px;padding:8px;margin:0;font-size:12px;white-space:pre-wrap;overflow-wrap:anywhere;max-height:360px;overflow:auto}
.curl{position:relative}
.curl pre{padding-right:72px}
details.rule[open]>summary .hint{display:none}
.curl button{position:absolute;right:6px;top:24px;font:inherit;font-size:12px;border:1px solid var(--line);background:var(--card);border-radius:4px;padding:1px 8px;cursor:pointer}
table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line)}
th,td{text-align:left;padding:5px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;color:var(--muted);text-transform:uppercase}
#empty{color:var(--muted);padding:12px 0}
.badge.not-exercised{background:var(--na)}
.checklist h3{font-size:15px;margin:14px 0 6px;text-transform:capitalize}
.checklist table{margin-bottom:8px}
.session{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:0 0 12px}
[hidden]{display:none!important}
footer{max-width:1100px;margin:24px auto;padding:0 24px;color:var(--muted);font-size:12px}
`;

// Single-select filter: a reader asks "show me the failures", not a union of toggles.
const SCRIPT = `
(function () {
  var buttons = document.querySelectorAll('[data-filter]');
  function apply(filter) {
    buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-filter') === filter)); });
    document.querySelectorAll('details.rule').forEach(function (r) {
      r.hidden = filter !== 'all' && r.getAttribute('data-status') !== filter;
    });
    document.querySelectorAll('section.area').forEach(function (a) {
      a.hidden = a.querySelector('details.rule:not([hidden])') === null;
    });
    document.getElementById('empty').hidden = document.querySelector('details.rule:not([hidden])') !== null;
  }
  buttons.forEach(function (b) { b.addEventListener('click', function () { apply(b.getAttribute('data-filter')); }); });
  function setAll(open) {
    document.querySelectorAll('details.rule:not([hidden])').forEach(function (d) { d.open = open; });
  }
  document.getElementById('expand-all').addEventListener('click', function () { setAll(true); });
  document.getElementById('collapse-all').addEventListener('click', function () { setAll(false); });
  document.querySelectorAll('button[data-copy]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var pre = document.getElementById(btn.getAttribute('data-copy'));
      var text = pre ? pre.textContent : '';
      function done(ok) { btn.textContent = ok ? 'Copied' : 'Select and copy'; setTimeout(function () { btn.textContent = 'Copy'; }, 1500); }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
      } else {
        var range = document.createRange(); range.selectNodeContents(pre);
        var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
        var ok = false; try { ok = document.execCommand('copy'); } catch (err) { ok = false; }
        done(ok);
      }
    });
  });
  apply('all');
})();
`;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

function exchangeBlock(title: string, firstLine: string, headers: Record<string, string>, body: unknown): string {
  const text = [firstLine, headersText(headers), body !== undefined ? `\n${bodyText(body, 8000)}` : ''].filter((s) => s !== '').join('\n');
  return `<div><h5>${e(title)}</h5><pre>${e(text)}</pre></div>`;
}

function evidenceHtml(ev: Evidence, id: string): string {
  const rows: string[] = [];
  const row = (k: string, v: string | undefined) => {
    if (v !== undefined) rows.push(`<dt>${e(k)}</dt><dd>${e(v)}</dd>`);
  };
  row('Expected', ev.expected);
  row('Received', ev.received);
  row('Path', ev.path);
  const explain = ev.message !== undefined && ev.message !== '' ? `<p class="explain">${e(ev.message)}</p>` : '';
  const response =
    ev.response !== undefined
      ? exchangeBlock('Response', `HTTP ${ev.response.status}`, ev.response.headers, ev.response.body)
      : `<div><h5>Response</h5><pre>no response</pre></div>`;
  return `<div class="evidence">
<h4>Scenario ${e(ev.scenario)} · ${e(ev.step)}${ev.waited === true ? ' <span class="note">(after waiting for processing)</span>' : ''}</h4>
${explain}${rows.length > 0 ? `<dl class="kv">${rows.join('')}</dl>` : ''}
<div class="ex">${exchangeBlock('Request', `${ev.request.method} ${ev.request.url}`, ev.request.headers, ev.request.body)}${response}</div>
<div class="curl"><h5>Reproduce</h5><pre id="${e(id)}" class="curl-command">${e(ev.curl)}</pre><button type="button" data-copy="${e(id)}">Copy</button></div>
</div>`;
}

function ruleHtml(rule: RuleReport, index: number): string {
  const s = status(rule);
  const notes: string[] = [];
  if (rule.waived !== undefined) notes.push(`<p class="note">Waived (outcome ${e(rule.outcome)}): ${e(rule.waived.reason)}</p>`);
  if (rule.reason !== undefined) notes.push(`<p class="note">${e(rule.reason)}</p>`);
  if (rule.requirements.length > 0) notes.push(`<p class="note">Requirements: ${rule.requirements.map(e).join(', ')}</p>`);
  const evidence = rule.evidence.map((ev, j) => evidenceHtml(ev, `curl-${index}-${j}`)).join('\n');
  const first = rule.evidence[0];
  const hint = first !== undefined && evidenceSummary(first) !== '' ? `<span class="note hint">${e(evidenceSummary(first))}</span>` : '';
  return `<details class="rule" data-status="${e(s)}" data-rule="${e(rule.ruleId)}">
<summary><span class="badge ${e(s)}">${e(LABEL[s])}</span><span class="title">${e(rule.title)}<span class="id">${e(rule.ruleId)}</span>${hint}</span><span class="sev ${e(rule.severity)}">${e(rule.severity)}</span></summary>
<div class="body">${notes.join('')}${evidence}</div>
</details>`;
}

function scenariosHtml(scenarios: readonly ScenarioReport[]): string {
  if (scenarios.length === 0) return '';
  const rows = scenarios
    .map(
      (sc) =>
        `<tr><td><span class="badge ${e(sc.outcome)}">${e(LABEL[sc.outcome])}</span></td><td>${e(sc.title)}<span class="id">${e(sc.id)}</span></td><td>${sc.steps.length}</td><td>${e((sc.durationMs / 1000).toFixed(2))} s</td><td>${e(sc.reason ?? '')}${sc.pending ? `<br><strong>Pending</strong> at step ${e(sc.pending.step)}${sc.pending.jusquau ? ` until ${e(sc.pending.jusquau)}` : ''}: resume with <code>convergence test opco --resume &lt;run-dir&gt;</code>` : ''}</td></tr>`,
    )
    .join('\n');
  return `<h2>Scenarios</h2><table><thead><tr><th>Outcome</th><th>Scenario</th><th>Steps</th><th>Duration</th><th>Reason</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const ITEM_LABEL: Record<ChecklistItemReport['outcome'], string> = { pass: 'Pass', fail: 'Fail', 'not-exercised': 'Not exercised' };

/** The session judged (cfa runs), as a definition list. */
function sessionHtml(session: SuiteReport['session']): string {
  if (session === undefined) return '';
  const rows: [string, string][] = [
    ['Session', session.id],
    ['OPCO', session.opco],
    ['CFA', session.cfa],
    ['Software', session.editor !== undefined ? `${session.editor.editeur} / ${session.editor.logiciel} ${session.editor.version}` : 'not sent'],
    ...(session.version !== undefined ? [['Protocol', session.version] as [string, string]] : []),
    ['Capabilities', session.capabilities.join(', ') || 'none'],
    ['Requests', String(session.requests)],
    ...(session.firstAt !== undefined ? [['From', `${session.firstAt} to ${session.lastAt ?? session.firstAt}`] as [string, string]] : []),
  ];
  return `<div class="session" id="session"><dl class="kv">${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl></div>`;
}

/** One table per capability, complete or not, with each item's outcome, reason and exchanges. */
function checklistHtml(items: readonly ChecklistItemReport[] | undefined): string {
  if (items === undefined || items.length === 0) return '';
  const groups = [...byCapability(items)]
    .map(([capability, list]) => {
      const rows = list
        .map(
          (item) =>
            `<tr data-item="${e(item.id)}" data-outcome="${e(item.outcome)}"><td><span class="badge ${e(item.outcome)}">${e(ITEM_LABEL[item.outcome])}</span></td><td>${e(item.title)}<span class="id">${e(item.id)}</span></td><td>${e(item.reason ?? '')}</td><td>${e(exchangesText(item))}</td></tr>`,
        )
        .join('\n');
      const verdict = isComplete(list) ? '<span class="badge pass">complete</span>' : '<span class="badge fail">incomplete</span>';
      return `<h3>${e(capability)} ${verdict}</h3><table><thead><tr><th>Outcome</th><th>Item</th><th>Reason</th><th>Exchanges</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join('\n');
  return `<section class="checklist" id="checklist"><h2>Checklist</h2>${groups}</section>`;
}

function coverageHtml(report: SuiteReport): string {
  const { verified, total, clauses } = report.coverage;
  const pct = total === 0 ? 0 : Math.round((verified / total) * 100);
  const failed = clauses?.filter((c) => c.status === 'fail').length;
  const list =
    clauses !== undefined && clauses.length > 0
      ? `<details><summary>Clauses</summary><table><thead><tr><th>Clause</th><th>Status</th><th>Rules</th></tr></thead><tbody>${clauses
          .map((c) => `<tr><td>${e(c.id)}</td><td>${e(c.status)}</td><td>${c.rules.map(e).join(', ')}</td></tr>`)
          .join('')}</tbody></table></details>`
      : '';
  return `<div class="coverage" id="coverage"><b>${verified} of ${total} clauses verified</b> <span class="note">(${pct} % of the clauses in scope were checked${
    failed !== undefined && failed > 0 ? `, ${failed} not met` : ''
  })</span><div class="bar"><i style="width:${pct}%"></i></div>${list}</div>`;
}

export const html = (input: SuiteReport): string => {
  const report = scrubReport(input);
  const counts = new Map<Status, number>(STATUS_ORDER.map((s) => [s, 0]));
  for (const rule of report.rules) counts.set(status(rule), (counts.get(status(rule)) ?? 0) + 1);
  const head = headline(report);
  const verdict =
    `<span class="verdict ${head.ok === true ? 'ok' : head.ok === false ? 'ko' : 'err'}">${e(head.verdict)}</span>`;
  const cards = [
    ...STATUS_ORDER.map((s) => `<div class="card"><b>${counts.get(s) ?? 0}</b><span>${e(LABEL[s])}</span></div>`),
    `<div class="card"><b>${report.summary.blocking}</b><span>Blocking</span></div>`,
  ].join('');
  const filters = [
    `<button type="button" data-filter="all" aria-pressed="true">All (${report.rules.length})</button>`,
    ...STATUS_ORDER.filter((s) => (counts.get(s) ?? 0) > 0).map(
      (s) => `<button type="button" data-filter="${e(s)}" aria-pressed="false">${e(LABEL[s])} (${counts.get(s) ?? 0})</button>`,
    ),
    '<span class="spacer"></span>',
    '<button type="button" id="expand-all">Expand all</button><button type="button" id="collapse-all">Collapse all</button>',
  ].join('');
  let index = 0;
  const areas = [...byArea(report.rules)]
    .map(([area, rules]) => {
      // Findings first inside an area; the sort is stable, so catalogue order holds within a status.
      const sorted = [...rules].sort((a, b) => STATUS_ORDER.indexOf(status(a)) - STATUS_ORDER.indexOf(status(b)));
      const items = sorted.map((rule) => ruleHtml(rule, index++)).join('\n');
      return `<section class="area" data-area="${e(area)}"><h2>${e(area)}</h2>\n${items}\n</section>`;
    })
    .join('\n');
  const target = `<code>${e(report.target.url)}</code>${report.target.profile !== undefined ? `, profile <code>${e(report.target.profile)}</code>` : ''}`;
  // The CSP allows only this page's own script (by hash) and styles: even an escaping bug could not run injected code.
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${sha256(SCRIPT)}'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(head.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${e(report.kind === 'cfa' ? head.title : `Conformance suite: ${report.kind.toUpperCase()}`)} ${verdict}</h1>
<p class="meta">Target ${target} · ${e(report.tool.name)} ${e(report.tool.version)} · ${e(report.startedAt)} · ${e(humanDuration(report.durationMs))} · exit code ${report.exitCode}</p>
</header>
<main>
${sessionHtml(report.session)}
${signatureHtml(report)}
<div class="cards">${cards}</div>
${coverageHtml(report)}
${checklistHtml(report.checklist)}
<nav class="filters" aria-label="Filter rules by outcome">${filters}</nav>
${areas}
<p id="empty" hidden>No rule with this outcome.</p>
${scenariosHtml(report.scenarios)}
</main>
<footer>Report schema ${e(report.schemaVersion)}. Personal data and credentials are masked.</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
};
