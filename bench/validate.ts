// Benchmark of `validate`: all rules vs. the spec's JSON Schema alone, on generated CERFAs; records/s and peak RSS.
//
// Usage (after `npm run build && tsc -p bench/tsconfig.json`): node dist/bench/validate.js [--count N] [--pool P] [--seed S]
// Defaults: 1,000,000 records cycled from a pool of 5,000 distinct generated CERFAs kept as NDJSON text:
// generating a million realistic contracts would measure the generator, not the validator. Needs the built CLI
// (the pool comes from `convergence generate` in a child process).
//
// Every phase starts from the JSON text and parses each record afresh, as the CLI does: reusing parsed objects
// would let the rules' per-payload memos (coherence facts…) answer from cache and flatter the figures.
//   1. parse only          JSON.parse of each line (the cost both validators share)
//   2. all rules           JSON.parse + every rule applying to a CERFA + the constant-memory summary
//   3. schema only         JSON.parse + ajv on spec/openapi.yaml components.schemas.Cerfa
//   4. CLI pipeline        64 KB byte chunks → line splitter → JSON.parse → rules → summary (what `validate` runs)
// "rules" and "schema" throughputs are also given net of parsing (phase time minus phase 1).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Ajv } from 'ajv';
import * as addFormatsModule from 'ajv-formats';
import { createEvaluator, parseRecord, recordRef, RecordSplitter, Summarizer, type RecordRef } from '../conformance/engine/index.js';
import type { Rule, RuleContext, RuleResult } from '../conformance/rules/rule.js';
import { loadSpec } from '../spec/load.js';
import { packageRoot } from '../conformance/requirements/index.js';

const addFormats = ((addFormatsModule as unknown as { default: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' },
    pool: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
  },
});
const count = Number(values.count);
const poolSize = Math.min(Number(values.pool), count);
const seed = Number(values.seed);
const WARM_UP = Math.min(10_000, count);

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;
const rate = (n: number, ms: number): number => (n / ms) * 1000;
const fmt = (perSecond: number): string => `${Math.round(perSecond).toLocaleString('en-US')} records/s`;
const out = (line: string): boolean => process.stdout.write(`${line}\n`);

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

out(`validate benchmark: ${count.toLocaleString('en-US')} CERFAs cycled from ${poolSize.toLocaleString('en-US')} distinct generated records, seed ${seed}`);
out(`node ${process.version}, ${process.arch}`);

// The pool, written by `convergence generate cerfa --with-context` in another process: the generator's own
// memory (faker's locale tables…) must not count in the validator's peak RSS.
const generated = execFileSync(
  process.execPath,
  [join(packageRoot(), 'bin', 'convergence.js'), 'generate', 'cerfa', '--count', String(poolSize), '--seed', String(seed), '--with-context'],
  { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 },
);
const lines = generated.split('\n').filter((line) => line.length > 0);
if (lines.length !== poolSize) throw new Error(`generator wrote ${lines.length} records, expected ${poolSize}`);
const lineBytes = lines.map((line) => Buffer.from(`${line}\n`));
const averageBytes = lineBytes.reduce((sum, line) => sum + line.length, 0) / poolSize;
out(`pool ready: ${Math.round(averageBytes).toLocaleString('en-US')} bytes per record on average; RSS ${mb(process.memoryUsage().rss)}`);

interface Wrapped {
  payload: unknown;
  context: RuleContext;
}

// 1. Parse only.
function parseOnly(n: number): void {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += (JSON.parse(lines[i % poolSize]!) as Wrapped).context === undefined ? 0 : 1;
  if (sink < 0) out('');
}
parseOnly(WARM_UP);
const parseMs = time(() => parseOnly(count));

// 2. All rules, through the engine's lean path and the summary, as the CLI drives them.
const evaluator = createEvaluator();
let summary = new Summarizer(evaluator.rules).finish();
function allRules(n: number): void {
  const summarizer = new Summarizer(evaluator.rules, { maxFindings: 20 });
  let current: RecordRef = { line: 0, index: 0, kind: 'cerfa' };
  const visit = (rule: Rule<any>, result: RuleResult): void => summarizer.add(current, rule, result);
  for (let i = 0; i < n; i++) {
    const record = JSON.parse(lines[i % poolSize]!) as Wrapped;
    current = recordRef(record.payload, 'cerfa', { line: i + 1, index: i });
    summarizer.addRecord(current);
    evaluator.run(record.payload, 'cerfa', record.context, visit);
  }
  summary = summarizer.finish();
}
allRules(WARM_UP);
const rulesMs = time(() => allRules(count));
const rulesPeak = peakRss();

// 4. The CLI pipeline on NDJSON text, in chunks of about 64 KB (the size the CLI reads).
function pipeline(n: number): number {
  const summarizer = new Summarizer(evaluator.rules, { maxFindings: 20 });
  const splitter = new RecordSplitter();
  let current: RecordRef = { line: 0, index: 0, kind: 'cerfa' };
  const visit = (rule: Rule<any>, result: RuleResult): void => summarizer.add(current, rule, result);
  const perChunk = Math.max(1, Math.round(65_536 / averageBytes));
  const group: Buffer[] = [];
  let done = 0;
  let fed = 0;
  while (fed < n) {
    group.length = 0;
    for (let k = 0; k < perChunk && fed < n; k++, fed++) group.push(lineBytes[fed % poolSize]!);
    // A fresh buffer per chunk, as a file stream hands them over.
    for (const raw of splitter.push(Buffer.concat(group))) {
      const record = parseRecord(raw);
      current = recordRef(record.payload, 'cerfa', { line: raw.line, index: done++ });
      summarizer.addRecord(current);
      evaluator.run(record.payload, 'cerfa', record.context ?? {}, visit);
    }
  }
  for (const raw of splitter.end()) if (raw.text.length > 0) done++;
  return done;
}
pipeline(WARM_UP);
const pipelineMs = time(() => pipeline(count));
const pipelinePeak = peakRss();

// 3. Baseline: the spec's Cerfa schema with ajv, $refs resolved against the whole components section.
const spec = await loadSpec();
const components = (spec.document as { components?: unknown }).components;
const ajv = new Ajv({ strict: false, allErrors: false });
addFormats(ajv);
ajv.addSchema({ $id: 'openapi', components }, 'openapi');
const validateCerfa = ajv.compile({ $ref: 'openapi#/components/schemas/Cerfa' });
let rejected = 0;
function schemaOnly(n: number): void {
  for (let i = 0; i < n; i++) if (!validateCerfa((JSON.parse(lines[i % poolSize]!) as Wrapped).payload)) rejected++;
}
schemaOnly(WARM_UP);
rejected = 0;
const schemaMs = time(() => schemaOnly(count));

const netRules = rulesMs - parseMs;
const netSchema = schemaMs - parseMs;
const findings = summary.totals.fail + summary.totals.error;
out('');
out(`| phase | throughput | net of JSON.parse |`);
out(`|---|---:|---:|`);
out(`| parse only | ${fmt(rate(count, parseMs))} | |`);
out(`| all rules (${evaluator.rulesFor('cerfa').length} apply to a CERFA) | ${fmt(rate(count, rulesMs))} | ${fmt(rate(count, netRules))} |`);
out(`| schema only (ajv, Cerfa) | ${fmt(rate(count, schemaMs))} | ${fmt(rate(count, netSchema))} |`);
out(`| CLI pipeline (split + parse + rules + summary) | ${fmt(rate(count, pipelineMs))} | |`);
out('');
out(`rules / schema, time ratio: ${(rulesMs / schemaMs).toFixed(1)}× with parsing, ${(netRules / netSchema).toFixed(1)}× net of parsing`);
out(`outcomes: pass ${summary.totals.pass}, fail ${summary.totals.fail}, skip ${summary.totals.skip}, not-applicable ${summary.totals.notApplicable}, error ${summary.totals.error}`);
if (findings > 0) {
  const failing = summary.rules.filter((r) => r.counts.fail + r.counts.error > 0).map((r) => `${r.id} (${r.counts.fail + r.counts.error})`);
  out(`rules failing on generated (valid) records: ${failing.slice(0, 10).join(', ')}${failing.length > 10 ? ', …' : ''}`);
}
out(`records rejected by the schema: ${rejected}${rejected > 0 ? ` (first: ${ajv.errorsText(validateCerfa.errors)})` : ''}`);
out(`peak RSS: ${mb(rulesPeak)} after the rules phase, ${mb(pipelinePeak)} after the CLI pipeline, ${mb(peakRss())} at the end (ajv and the spec loaded)`);
const met = rate(count, rulesMs) >= 50_000 && pipelinePeak < 200 * 1024 * 1024;
out(`targets (≥ 50,000 records/s with all rules, peak RSS < 200 MB): ${met ? 'met' : 'NOT met'}`);
