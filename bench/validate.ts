// Benchmark of `validate`: all rules vs. the spec's JSON Schema alone, on generated CERFAs; records/s and peak RSS.
//
// Usage (after `npm run build && tsc -p bench/tsconfig.json`): node dist/bench/validate.js [--count N] [--pool P] [--seed S]
// Defaults: 1,000,000 records cycled from a pool of 5,000 distinct generated CERFAs kept as NDJSON text:
// generating a million realistic contracts would measure the generator, not the validator. The pool comes from
// `convergence generate cerfa --with-context` in a child process, so the generator's memory is not counted.
//
// Every phase starts from the JSON text and parses each record afresh, as the CLI does: reusing parsed objects
// would let the rules' per-payload memos answer from cache and flatter the figures.
//   1. parse only      JSON.parse of each line (the cost both validators share)
//   2. all rules       JSON.parse + every rule applying to a CERFA + the constant-memory summary, in-process
//   3. schema only     JSON.parse + ajv on spec/openapi.yaml components.schemas.Cerfa, in-process
//   4. validate -      the real `validate` command (registerValidate, nothing else of the CLI loaded) in a child
//                      process, fed the N records as NDJSON on its stdin: throughput and its own peak RSS.
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createEvaluator, recordRef, Summarizer, type RecordRef } from '../conformance/engine/index.js';
import { packageRoot } from '../conformance/engine/package-root.js';
import type { Rule, RuleContext, RuleResult } from '../conformance/rules/rule.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' },
    pool: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    child: { type: 'boolean', default: false },
  },
});

interface ChildReport {
  records: number;
  ms: number;
  maxRss: number;
  exit: number;
}

/** Child mode: `validate -` exactly as the CLI registers it, reading stdin; prints one JSON line about itself. */
async function child(): Promise<void> {
  const { Command } = await import('commander');
  const { registerValidate } = await import('../cli/commands/validate.js');
  let report = '';
  const stdout = new Writable({
    write(chunk, _encoding, callback) {
      report += String(chunk);
      callback();
    },
  });
  let exit = 0;
  const program = new Command('convergence').exitOverride();
  registerValidate(program, {
    io: { stdout, stderr: process.stderr, stdin: process.stdin, env: {}, cwd: process.cwd() },
    setExit: (code) => (exit = code),
  });
  const start = performance.now();
  await program.parseAsync(['node', 'convergence', 'validate', '-', '--format', 'json', '--no-progress']);
  const ms = performance.now() - start;
  const summary = JSON.parse(report) as { records: number };
  const result: ChildReport = { records: summary.records, ms, maxRss: process.resourceUsage().maxRSS * 1024, exit };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (values.child) {
  await child();
  process.exit(0);
}

const count = Number(values.count);
const poolSize = Math.min(Number(values.pool), count);
const seed = Number(values.seed);
const WARM_UP = Math.min(10_000, count);

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
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

const generated = execFileSync(
  process.execPath,
  [join(packageRoot(), 'bin', 'convergence.js'), 'generate', 'cerfa', '--count', String(poolSize), '--seed', String(seed), '--with-context'],
  { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 },
);
const lines = generated.split('\n').filter((line) => line.length > 0);
if (lines.length !== poolSize) throw new Error(`the generator wrote ${lines.length} records, expected ${poolSize}`);
const lineBytes = lines.map((line) => Buffer.from(`${line}\n`));
const averageBytes = lineBytes.reduce((sum, line) => sum + line.length, 0) / poolSize;
out(`pool: ${Math.round(averageBytes).toLocaleString('en-US')} bytes per record on average`);

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

// 3. Baseline: the spec's Cerfa schema with ajv, $refs resolved against the whole components section.
const { Ajv } = await import('ajv');
const addFormatsModule = await import('ajv-formats');
const addFormats = ((addFormatsModule as unknown as { default: unknown }).default ?? addFormatsModule) as unknown as (ajv: InstanceType<typeof Ajv>) => unknown;
const { loadSpec } = await import('../spec/load.js');
const spec = await loadSpec();
const ajv = new Ajv({ strict: false, allErrors: false });
addFormats(ajv);
ajv.addSchema({ $id: 'openapi', components: (spec.document as { components?: unknown }).components }, 'openapi');
const validateCerfa = ajv.compile({ $ref: 'openapi#/components/schemas/Cerfa' });
let rejected = 0;
function schemaOnly(n: number): void {
  for (let i = 0; i < n; i++) if (!validateCerfa((JSON.parse(lines[i % poolSize]!) as Wrapped).payload)) rejected++;
}
schemaOnly(WARM_UP);
rejected = 0;
const schemaMs = time(() => schemaOnly(count));

// 4. The command itself in a child process, records streamed to its stdin in 64 KB chunks.
async function validateCommand(n: number): Promise<ChildReport> {
  const proc = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let text = '';
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const perChunk = Math.max(1, Math.round(65_536 / averageBytes));
  for (let fed = 0; fed < n; ) {
    const group: Buffer[] = [];
    for (let k = 0; k < perChunk && fed < n; k++, fed++) group.push(lineBytes[fed % poolSize]!);
    if (!proc.stdin.write(Buffer.concat(group))) await new Promise((resolve) => proc.stdin.once('drain', resolve));
  }
  proc.stdin.end();
  const code = await new Promise<number | null>((resolve) => proc.on('close', resolve));
  if (code !== 0) throw new Error(`the validate child exited with ${code}`);
  return JSON.parse(text) as ChildReport;
}
const command = await validateCommand(count);

const netRules = rulesMs - parseMs;
const netSchema = schemaMs - parseMs;
const findings = summary.totals.fail + summary.totals.error;
out('');
out('| phase | throughput | net of JSON.parse |');
out('|---|---:|---:|');
out(`| parse only | ${fmt(rate(count, parseMs))} | |`);
out(`| all rules (${evaluator.rulesFor('cerfa').length} apply to a CERFA) | ${fmt(rate(count, rulesMs))} | ${fmt(rate(count, netRules))} |`);
out(`| schema only (ajv, spec Cerfa schema) | ${fmt(rate(count, schemaMs))} | ${fmt(rate(count, netSchema))} |`);
out(`| \`validate -\` in a child process (NDJSON on stdin) | ${fmt(rate(command.records, command.ms))} | |`);
out('');
out(`rules / schema, time ratio: ${(rulesMs / schemaMs).toFixed(1)}× with parsing, ${(netRules / netSchema).toFixed(1)}× net of parsing`);
out(`outcomes: pass ${summary.totals.pass}, fail ${summary.totals.fail}, skip ${summary.totals.skip}, not-applicable ${summary.totals.notApplicable}, error ${summary.totals.error}`);
if (findings > 0) {
  const failing = summary.rules.filter((r) => r.counts.fail + r.counts.error > 0).map((r) => `${r.id} (${r.counts.fail + r.counts.error})`);
  out(`rules failing on generated (valid) records: ${failing.slice(0, 10).join(', ')}${failing.length > 10 ? ', …' : ''}`);
}
out(`records rejected by the schema: ${rejected}${rejected > 0 ? ` (first: ${ajv.errorsText(validateCerfa.errors)})` : ''}`);
out(`validate child: ${command.records.toLocaleString('en-US')} records, exit ${command.exit}, peak RSS ${mb(command.maxRss)}`);
out(`this process (pool of ${poolSize.toLocaleString('en-US')} records, ajv and the spec loaded): peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
// The targets are about the rule engine on contracts already in memory (the generator's objects), so the speed
// compared is the rules' net of JSON.parse; the end-to-end figures above are printed for what a user will see.
const speedMet = rate(count, netRules) >= 50_000;
const memoryMet = command.maxRss < 200 * 1024 * 1024;
out(`target ≥ 50,000 records/s with all rules (net of JSON.parse): ${speedMet ? 'met' : 'NOT met'} (${fmt(rate(count, netRules))})`);
out(`target peak RSS of validate < 200 MB: ${memoryMet ? 'met' : 'NOT met'} (${mb(command.maxRss)})`);
