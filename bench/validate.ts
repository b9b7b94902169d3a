// Benchmark of `validate`: all rules vs. the spec's JSON Schema alone, on generated CERFA deposit bodies; records/s and peak RSS.
//
// Usage (after `npm run build && tsc -p bench/tsconfig.json`): node dist/bench/validate.js [--count N] [--pool P] [--seed S]
// Defaults: 1,000,000 records cycled from a pool of 5,000 distinct generated CERFAs kept as NDJSON text:
// generating a million realistic contracts would measure the generator, not the validator. The pool comes from
// `convergence generate cerfa --with-context` in a child process, so the generator's memory is not counted: each
// payload is the deposit body on the wire, `{"cerfa": …}`, with the variety of real software (date-times…).
//
// Every phase starts from the JSON text and parses each record afresh, as the CLI does: reusing parsed objects
// would let the rules' per-payload memos answer from cache and flatter the figures.
//   1. parse only      JSON.parse of each line (the cost both validators share)
//   2. all rules       JSON.parse + every rule applying to a CERFA (the engine unwraps the body and cuts its
//                      date-times to dates) + the constant-memory summary, in-process
//   3. schema only     JSON.parse + ajv on spec/openapi.yaml components.schemas.DepotCerfa, in-process
//   4. validate -      what a user runs: `node bin/convergence.js validate - --format json --no-progress` in a
//                      child process (the CLI loads only the command asked for), fed the N records as NDJSON on
//                      its stdin: throughput from spawn to exit, and its peak RSS (VmHWM, polled from /proc). The
//                      command judges a large NDJSON input on worker threads, one per core (`--jobs`).
//   4b. validate FILE  the same records written to a temporary NDJSON file first, named on the command line.
//   5. validate - --jobs 1   the same on the command's own thread alone: the baseline of phase 4, same run.
//   6. two --jobs 1 at once  two independent one-thread commands, half the records each, side by side: what the
//                      machine's two cores give with no pool at all, the ceiling phase 4 can be held to.
// In-process, one phase more: 2b. judge, the per-record work of one `validate` thread (NDJSON bytes cut into lines,
// JSON.parse, the spec's schema, every rule, the summary), so a thread's ceiling is known without spawning.
// Phases 1–3 run in this process, on one core; phases 4–6 are the command's own processes (the feeding process
// takes a little of a core). The machine is often shared: in-process phases are also timed in CPU time
// (process.cpuUsage) and compared with JSON.parse of the same records, ratios that other processes' load barely moves.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEvaluator, ndjsonRecords, recordRef, Summarizer, type RecordRef } from '../conformance/engine/index.js';
import { RecordJudge } from '../cli/commands/validate-judge.js';
import { packageRoot } from '../conformance/engine/package-root.js';
import type { Rule, RuleContext, RuleResult } from '../conformance/rules/rule.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' },
    pool: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
  },
});

interface ChildReport {
  records: number;
  ms: number;
  maxRss: number;
  exit: number;
}

const count = Number(values.count);
const poolSize = Math.min(Number(values.pool), count);
const seed = Number(values.seed);
const WARM_UP = Math.min(10_000, count);

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (n: number, ms: number): number => (n / ms) * 1000;
const fmt = (perSecond: number): string => `${Math.round(perSecond).toLocaleString('en-US')} records/s`;
const out = (line: string): boolean => process.stdout.write(`${line}\n`);

/** CPU milliseconds of the last `time` call (this process, all threads: the garbage collector's helpers too). */
let lastCpuMs = 0;
function time(fn: () => void): number {
  const start = performance.now();
  const cpu = process.cpuUsage();
  fn();
  const used = process.cpuUsage(cpu);
  lastCpuMs = (used.user + used.system) / 1000;
  return performance.now() - start;
}

out(`validate benchmark: ${count.toLocaleString('en-US')} CERFAs cycled from ${poolSize.toLocaleString('en-US')} distinct generated records, seed ${seed}`);
out(`node ${process.version}, ${process.arch}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

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
const parseCpu = lastCpuMs;

// 2. All rules, through the engine's lean path and the summary, as the CLI drives them.
const evaluator = createEvaluator();
let summary = new Summarizer(evaluator.rules).finish();
function allRules(n: number): void {
  const summarizer = new Summarizer(evaluator.rules, { maxFindings: 20 });
  let current: RecordRef = { line: 0, index: 0, kind: 'cerfa' };
  const visit = (rule: Rule<any>, result: RuleResult, position: number): void => summarizer.add(current, rule, result, position);
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
const rulesCpu = lastCpuMs;

// 2b. What one `validate` thread does per record (validate-judge.ts): NDJSON bytes cut into lines and decoded, parsed,
// judged against the spec's schema and every rule, summarized. Batches of 256 KB, as the worker threads receive them.
const judge = await RecordJudge.create({ baseContext: {}, mergeEachContext: false, maxFindings: 20 });
const batches: { bytes: Buffer; records: number }[] = [];
for (let i = 0; i < poolSize; ) {
  const group: Buffer[] = [];
  let size = 0;
  for (; i < poolSize && size < 256 * 1024; i++) (group.push(lineBytes[i]!), (size += lineBytes[i]!.length));
  batches.push({ bytes: Buffer.concat(group), records: group.length });
}
function judgeThread(n: number): void {
  let index = 0;
  for (let b = 0; index < n; b = (b + 1) % batches.length) {
    for (const raw of ndjsonRecords(batches[b]!.bytes, 1)) {
      judge.judge(raw, '-', index++);
      if (index >= n) break;
    }
  }
}
judgeThread(WARM_UP);
const judgeMs = time(() => judgeThread(count));
const judgeCpu = lastCpuMs;

// 3. Baseline: the spec's deposit body schema (DepotCerfa) with ajv, $refs resolved against the whole components section.
const { Ajv } = await import('ajv');
const addFormatsModule = await import('ajv-formats');
const addFormats = ((addFormatsModule as unknown as { default: unknown }).default ?? addFormatsModule) as unknown as (ajv: InstanceType<typeof Ajv>) => unknown;
const { loadSpec } = await import('../spec/load.js');
const spec = await loadSpec();
const ajv = new Ajv({ strict: false, allErrors: false });
addFormats(ajv);
ajv.addSchema({ $id: 'openapi', components: (spec.document as { components?: unknown }).components }, 'openapi');
const validateCerfa = ajv.compile({ $ref: 'openapi#/components/schemas/DepotCerfa' });
let rejected = 0;
function schemaOnly(n: number): void {
  for (let i = 0; i < n; i++) if (!validateCerfa((JSON.parse(lines[i % poolSize]!) as Wrapped).payload)) rejected++;
}
schemaOnly(WARM_UP);
rejected = 0;
const schemaMs = time(() => schemaOnly(count));
const schemaCpu = lastCpuMs;

// 4. The command itself in a child process, records streamed to its stdin in 64 KB chunks.
/** Peak resident set of a live process (kB → bytes); 0 once it is gone. */
function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}
/** `validate -` fed `n` records from the pool on its stdin, or `validate <file>` when a file of them is given. */
async function validateCommand(n: number, extra: string[] = [], from = 0, file?: string): Promise<ChildReport> {
  const started = performance.now();
  const proc = spawn(process.execPath, [join(packageRoot(), 'bin', 'convergence.js'), 'validate', file ?? '-', '--format', 'json', '--no-progress', ...extra], {
    stdio: [file === undefined ? 'pipe' : 'ignore', 'pipe', 'inherit'],
  });
  let maxRss = 0;
  const poll = setInterval(() => (maxRss = Math.max(maxRss, peakRss(proc.pid!))), 20);
  let text = '';
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    maxRss = Math.max(maxRss, peakRss(proc.pid!));
    text += chunk;
  });
  const perChunk = Math.max(1, Math.round(65_536 / averageBytes));
  for (let fed = 0; file === undefined && fed < n; ) {
    const group: Buffer[] = [];
    for (let k = 0; k < perChunk && fed < n; k++, fed++) group.push(lineBytes[(from + fed) % poolSize]!);
    if (!proc.stdin!.write(Buffer.concat(group))) await new Promise((resolve) => proc.stdin!.once('drain', resolve));
  }
  proc.stdin?.end();
  const code = await new Promise<number | null>((resolve) => proc.on('close', resolve));
  clearInterval(poll);
  const ms = performance.now() - started;
  if (code !== 0 && code !== 1) throw new Error(`the validate child exited with ${code}`);
  const summary = JSON.parse(text) as { records: number };
  return { records: summary.records, ms, maxRss, exit: code };
}
const command = await validateCommand(count);
// 4b. The same records in an NDJSON file named on the command line, the usual way to check an export.
const exportFile = join(mkdtempSync(join(tmpdir(), 'convergence-bench-')), 'export.ndjson');
{
  const fd = openSync(exportFile, 'w');
  for (let written = 0; written < count; ) {
    const group: Buffer[] = [];
    for (let k = 0; k < 256 && written < count; k++, written++) group.push(lineBytes[written % poolSize]!);
    writeSync(fd, Buffer.concat(group));
  }
  closeSync(fd);
}
const fromFile = await validateCommand(count, [], 0, exportFile);
rmSync(dirname(exportFile), { recursive: true, force: true });
const oneThread = await validateCommand(count, ['--jobs', '1']);
const halves = await Promise.all([validateCommand(Math.ceil(count / 2), ['--jobs', '1']), validateCommand(Math.floor(count / 2), ['--jobs', '1'], Math.ceil(count / 2))]);
const sideBySide = { records: halves[0].records + halves[1].records, ms: Math.max(halves[0].ms, halves[1].ms) };

const netRules = rulesMs - parseMs;
const netSchema = schemaMs - parseMs;
const findings = summary.totals.fail + summary.totals.error;
out('');
const cpu = (ms: number): string => `${((ms * 1000) / count).toFixed(1)} µs`;
const timesParse = (ms: number): string => `${(ms / parseCpu).toFixed(2)}×`;
out('| phase | throughput | net of JSON.parse | CPU per record | CPU time / JSON.parse |');
out('|---|---:|---:|---:|---:|');
out(`| parse only | ${fmt(rate(count, parseMs))} | | ${cpu(parseCpu)} | 1.00× |`);
out(`| all rules (${evaluator.rulesFor('cerfa').length} apply to a CERFA) | ${fmt(rate(count, rulesMs))} | ${fmt(rate(count, netRules))} | ${cpu(rulesCpu)} | ${timesParse(rulesCpu)} |`);
out(`| one \`validate\` thread in-process (NDJSON bytes, schema and all rules, validate-judge.ts) | ${fmt(rate(count, judgeMs))} | | ${cpu(judgeCpu)} | ${timesParse(judgeCpu)} |`);
out(`| schema only (ajv, spec DepotCerfa schema) | ${fmt(rate(count, schemaMs))} | ${fmt(rate(count, netSchema))} | ${cpu(schemaCpu)} | ${timesParse(schemaCpu)} |`);
out(`| \`convergence validate -\` in a child process (NDJSON on stdin, spawn to exit; worker threads) | ${fmt(rate(command.records, command.ms))} | | | |`);
out(`| \`convergence validate export.ndjson\` (the same records in a file; worker threads) | ${fmt(rate(fromFile.records, fromFile.ms))} | | | |`);
out(`| \`convergence validate - --jobs 1\` (the command's own thread only) | ${fmt(rate(oneThread.records, oneThread.ms))} | | | |`);
out(`| two \`validate - --jobs 1\` side by side, half the records each (no pool: the machine's two-core ceiling) | ${fmt(rate(sideBySide.records, sideBySide.ms))} | | | |`);
out('');
out(`rules / schema, time ratio: ${(rulesMs / schemaMs).toFixed(1)}× with parsing, ${(netRules / netSchema).toFixed(1)}× net of parsing`);
out(`outcomes: pass ${summary.totals.pass}, fail ${summary.totals.fail}, skip ${summary.totals.skip}, not-applicable ${summary.totals.notApplicable}, error ${summary.totals.error}`);
if (findings > 0) {
  const failing = summary.rules.filter((r) => r.counts.fail + r.counts.error > 0).map((r) => `${r.id} (${r.counts.fail + r.counts.error})`);
  out(`rules failing on generated (valid) records: ${failing.slice(0, 10).join(', ')}${failing.length > 10 ? ', …' : ''}`);
}
out(`records rejected by the schema: ${rejected}${rejected > 0 ? ` (first: ${ajv.errorsText(validateCerfa.errors)})` : ''}`);
out(`validate child: ${command.records.toLocaleString('en-US')} records, exit ${command.exit}, peak RSS ${mb(command.maxRss)}; with --jobs 1: peak RSS ${mb(oneThread.maxRss)}`);
out(`worker threads / one thread, throughput ratio: ${(rate(command.records, command.ms) / rate(oneThread.records, oneThread.ms)).toFixed(2)}×; two one-thread processes side by side / one: ${(rate(sideBySide.records, sideBySide.ms) / rate(oneThread.records, oneThread.ms)).toFixed(2)}×`);
out(`this process (pool of ${poolSize.toLocaleString('en-US')} records, ajv and the spec loaded): peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
// Two readings of "≥ 50,000 contracts/s on one core with all rules": the rules alone (net of JSON.parse, i.e.
// contracts already in memory) and end to end from JSON text; both are printed, neither hides the other.
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
out(`target ≥ 50,000 records/s with all rules, rules alone (net of JSON.parse): ${verdict(rate(count, netRules) >= 50_000)} (${fmt(rate(count, netRules))})`);
out(`target ≥ 50,000 records/s with all rules, from JSON text in-process on one thread: ${verdict(rate(count, rulesMs) >= 50_000)} (${fmt(rate(count, rulesMs))})`);
out(`target ≥ 50,000 records/s with all rules and the spec's schema, \`validate -\` end to end (worker threads): ${verdict(rate(command.records, command.ms) >= 50_000)} (${fmt(rate(command.records, command.ms))})`);
out(`one \`validate\` thread from CPU time: ${fmt((count / judgeCpu) * 1000)} per busy core (JSON.parse alone: ${fmt((count / parseCpu) * 1000)})`);
out(`target ≥ 50,000 records/s with all rules and the spec's schema, \`validate export.ndjson\` end to end (worker threads): ${verdict(rate(fromFile.records, fromFile.ms) >= 50_000)} (${fmt(rate(fromFile.records, fromFile.ms))})`);
out(`target peak RSS of \`convergence validate\` < 200 MB: ${verdict(command.maxRss < 200 * 1024 * 1024)} (${mb(command.maxRss)})`);
out(`load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
