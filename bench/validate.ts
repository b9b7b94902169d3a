// Benchmark of `validate`: all rules vs. the spec's JSON Schema alone, on generated CERFAs; records/s and peak RSS.
//
// Usage (after `npm run build && tsc -p bench/tsconfig.json`): node dist/bench/validate.js [--count N] [--pool P] [--seed S]
// Defaults: 1,000,000 records, a pool of 5,000 (about 40 MB of payload objects: a larger pool measures the pool).
// A pool of P distinct generated records is cycled through until N records are validated: generating a million
// realistic contracts would measure the generator, not the engine. The pool's own memory is printed apart.
import { parseArgs } from 'node:util';
import { Ajv } from 'ajv';
import * as addFormatsModule from 'ajv-formats';
import { generateRecord, type GeneratedRecord } from '../conformance/generate/index.js';
import { createEvaluator, parseRecord, recordRef, RecordSplitter, Summarizer, type RecordRef } from '../conformance/engine/index.js';
import type { Rule, RuleResult } from '../conformance/rules/rule.js';
import { loadSpec } from '../spec/load.js';

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

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;
const perSecond = (n: number, ms: number): string => `${Math.round((n / ms) * 1000).toLocaleString('en-US')} records/s`;
const out = (line: string): boolean => process.stdout.write(`${line}\n`);

function time<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

out(`validate benchmark: ${count.toLocaleString('en-US')} CERFAs, pool of ${poolSize.toLocaleString('en-US')} distinct records, seed ${seed}`);
out(`node ${process.version}, ${process.arch}`);

// 1. The pool.
global.gc?.();
const rssBeforePool = process.memoryUsage().rss;
const generated = time(() => {
  const pool: GeneratedRecord<'cerfa'>[] = [];
  for (let i = 0; i < poolSize; i++) pool.push(generateRecord('cerfa', seed, i));
  return pool;
});
const pool = generated.value;
global.gc?.();
const rssAfterPool = process.memoryUsage().rss;
out(`pool generated in ${(generated.ms / 1000).toFixed(1)} s; RSS before the pool ${mb(rssBeforePool)}, with it ${mb(rssAfterPool)}; peak so far ${mb(peakRss())}`);

// 2. All rules, the engine's lean path, exactly as the CLI drives it (summary included).
const evaluator = createEvaluator();
const rulesForCerfa = evaluator.rulesFor('cerfa').length;
function validateAll(n: number): { summarizer: Summarizer } {
  const summarizer = new Summarizer(evaluator.rules, { maxFindings: 20 });
  let current: RecordRef = { line: 0, index: 0, kind: 'cerfa' };
  const visit = (rule: Rule<any>, result: RuleResult): void => summarizer.add(current, rule, result);
  for (let i = 0; i < n; i++) {
    const record = pool[i % poolSize]!;
    current = recordRef(record.payload, 'cerfa', { line: i + 1, index: i });
    summarizer.addRecord(current);
    evaluator.run(record.payload, 'cerfa', record.context, visit);
  }
  return { summarizer };
}
validateAll(Math.min(5_000, count)); // warm-up: JIT, lazily loaded tables
const rules = time(() => validateAll(count));
const summary = rules.value.summarizer.finish();
const findings = summary.totals.fail + summary.totals.error;
out('');
out(`all rules (${rulesForCerfa} apply to a CERFA, ${evaluator.rules.length} in the catalogue):`);
out(`  ${perSecond(count, rules.ms)} (${(rules.ms / 1000).toFixed(1)} s); peak RSS so far ${mb(peakRss())}`);
out(`  outcomes: pass ${summary.totals.pass}, fail ${summary.totals.fail}, skip ${summary.totals.skip}, not-applicable ${summary.totals.notApplicable}, error ${summary.totals.error}`);
if (findings > 0) {
  const worst = summary.rules.filter((r) => r.counts.fail + r.counts.error > 0).map((r) => `${r.id} (${r.counts.fail + r.counts.error})`);
  out(`  rules failing on generated (valid) records: ${worst.slice(0, 10).join(', ')}${worst.length > 10 ? ', …' : ''}`);
}

// 3. The CLI's whole pipeline on NDJSON text: line splitting, JSON.parse, wrapper, rules, summary.
const lines = pool.slice(0, Math.min(poolSize, 2_000)).map((record) => `${JSON.stringify(record)}\n`);
function pipeline(n: number): number {
  const summarizer = new Summarizer(evaluator.rules, { maxFindings: 20 });
  const splitter = new RecordSplitter();
  let current: RecordRef = { line: 0, index: 0, kind: 'cerfa' };
  const visit = (rule: Rule<any>, result: RuleResult): void => summarizer.add(current, rule, result);
  let done = 0;
  // 64 lines per chunk, about the size the file stream hands over.
  for (let i = 0; done < n; i += 64) {
    let chunk = '';
    for (let k = 0; k < 64 && done + k < n; k++) chunk += lines[(i + k) % lines.length];
    for (const raw of splitter.push(chunk)) {
      const record = parseRecord(raw);
      current = recordRef(record.payload, 'cerfa', { line: raw.line, index: done });
      summarizer.addRecord(current);
      evaluator.run(record.payload, 'cerfa', record.context ?? {}, visit);
      done++;
    }
  }
  splitter.end();
  return done;
}
const pipelineCount = Math.min(count, 200_000);
const piped = time(() => pipeline(pipelineCount));
out('');
out(`CLI pipeline on NDJSON text (split + JSON.parse + all rules), ${pipelineCount.toLocaleString('en-US')} records:`);
out(`  ${perSecond(piped.value, piped.ms)}; peak RSS so far ${mb(peakRss())}`);

// 4. Baseline: the spec's Cerfa JSON Schema compiled with ajv, nothing else.
const spec = await loadSpec();
const components = (spec.document as { components?: unknown }).components;
const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
addFormats(ajv);
ajv.addSchema({ $id: 'openapi', components }, 'openapi');
const validateCerfa = ajv.compile({ $ref: 'openapi#/components/schemas/Cerfa' });
let invalid = 0;
function schemaOnly(n: number): void {
  for (let i = 0; i < n; i++) if (!validateCerfa(pool[i % poolSize]!.payload)) invalid++;
}
schemaOnly(Math.min(5_000, count));
invalid = 0;
const schema = time(() => schemaOnly(count));
out('');
out('schema only (spec/openapi.yaml components.schemas.Cerfa, ajv):');
out(`  ${perSecond(count, schema.ms)} (${(schema.ms / 1000).toFixed(1)} s); records rejected by the schema: ${invalid}`);
if (invalid > 0) out(`  first schema error: ${ajv.errorsText(validateCerfa.errors)}`);

out('');
out(`ratio all rules / schema only: ${(rules.ms / schema.ms).toFixed(1)}× the time`);
out(`peak RSS: ${mb(peakRss())}`);
const target = count / (rules.ms / 1000) >= 50_000 && peakRss() < 200 * 1024 * 1024;
out(`targets (≥ 50,000 records/s with all rules, peak RSS < 200 MB): ${target ? 'met' : 'NOT met'}`);
