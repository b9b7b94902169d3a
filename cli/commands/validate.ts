// `convergence validate <file...|->`: streams JSON / JSON-array / NDJSON payloads through the rule catalogue and reports.
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { Option, type Command } from 'commander';
import cliProgress from 'cli-progress';
import type { CommandContext } from '../main.js';
import { EXIT, ExitError, type ExitCode } from '../io.js';
import {
  createEvaluator,
  detectKind,
  InputError,
  PAYLOAD_KINDS,
  parseRecord,
  recordRef,
  RecordSplitter,
  SEVERITIES,
  Summarizer,
  UnknownRuleError,
  type Evaluator,
  type RawRecord,
  type RecordRef,
  type ValidationSummary,
} from '../../conformance/engine/index.js';
import { packageVersion } from '../../conformance/engine/package-root.js';
import type { Rule, RuleContext, RuleResult, Severity } from '../../conformance/rules/rule.js';
import type { PayloadKind } from '../../conformance/model/payloads.js';
import { FORMATS, reporters, type FormatName } from '../../reports/formats/index.js';
import { schemaJudge, type SchemaJudge } from './validate-schema.js';

interface ValidateOptions {
  type?: PayloadKind;
  format: FormatName;
  failSeverity: Severity;
  only?: string[];
  listRules?: boolean;
  context?: string;
  today?: string;
  output?: string;
  maxFindings: string;
  progress: boolean;
}

export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command('validate')
    .summary('check CERFA, facture, convention or certificat payloads against the conformance rules')
    .description(
      'Check payloads a CFA sends to an OPCO against every rule of the catalogue (or --only some of them). ' +
        'Input: one JSON object, a JSON array of objects, or NDJSON (one object per line); a line may also be ' +
        '{ "payload": …, "context": … } as written by `convergence generate --with-context`. Files are streamed ' +
        'in constant memory, whatever their size; "-" reads standard input.\n\n' +
        'Exit codes: 0 no finding at or above --fail-severity, 1 findings, 2 unreadable input (file:line named), ' +
        'no record at all, unknown payload type, unknown rule id or bad option.',
    )
    .argument('[files...]', 'input files (.json, .ndjson); "-" for standard input')
    .addOption(new Option('-t, --type <type>', 'payload type of every record (default: detected per record)').choices([...PAYLOAD_KINDS]))
    .addOption(new Option('-f, --format <format>', 'report format').choices([...FORMATS]).default('text'))
    .addOption(
      new Option('-F, --fail-severity <severity>', 'lowest severity that makes the command exit 1')
        .choices([...SEVERITIES])
        .default('bloquant'),
    )
    .option('--only <rule-ids...>', 'run only these rules (space- or comma-separated)')
    .option('--list-rules', 'print the rule catalogue (id, severity, area, payload types, title) and exit')
    .option('--context <file>', 'a RuleContext JSON file applied to every record (dossiers, facturesConnues, today…)')
    .option('--today <YYYY-MM-DD>', 'the judging date (default: the context\'s, else today\'s date)')
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .option('--max-findings <n>', 'findings listed per rule (counts are always complete)', '20')
    .option('--no-progress', 'never show the progress bar (shown only on a terminal, for files)')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  convergence validate contrats.ndjson\n' +
        '  convergence validate cerfa.json --format sarif -o validate.sarif\n' +
        '  convergence generate cerfa --count 1000 --with-context | convergence validate - --fail-severity avertissement\n' +
        '  convergence validate factures.ndjson --context opco.json --today 2025-09-30\n' +
        '  convergence validate contrats.ndjson --only cerfa-nir-obligatoire,cerfa-membre-non-prevu\n' +
        '  convergence validate --list-rules\n',
    )
    .action(async (files: string[], options: ValidateOptions) => {
      ctx.setExit(await runValidate(files, options, ctx));
    });
}


function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function checkDate(value: string, what: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) throw new ExitError(`${what}: expected a date YYYY-MM-DD, got '${value}'`);
  return value;
}

function readContextFile(file: string, cwd: string): RuleContext {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(resolve(cwd, file), 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'invalid JSON' : error instanceof Error ? error.message : String(error);
    throw new ExitError(`--context ${file}: ${reason}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ExitError(`--context ${file}: expected a JSON object (a RuleContext)`);
  return value as RuleContext;
}

function splitIds(ids: string[] | undefined): string[] | undefined {
  if (ids === undefined) return undefined;
  return ids.flatMap((id) => id.split(',')).map((id) => id.trim()).filter((id) => id !== '');
}

function listRules(evaluator: Evaluator, format: FormatName): string {
  const rows = evaluator.rules.map((rule) => ({
    id: rule.id,
    severity: rule.severity,
    area: rule.area,
    appliesTo: [...rule.appliesTo],
    title: rule.title,
    requirements: [...rule.requirements],
  }));
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  const table = rows.map((r) => [r.id, r.severity, r.area, r.appliesTo.join(','), r.title]);
  const header = ['ID', 'SEVERITY', 'AREA', 'KINDS', 'TITLE'];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i]!) : cell)).join('  ');
  return [line(header), ...table.map(line), '', `${rows.length} rules`].join('\n') + '\n';
}

interface Input {
  name: string;
  stream: () => Readable;
  size?: number;
}

function openInputs(files: string[], ctx: CommandContext): Input[] {
  return files.map((name) => {
    if (name === '-') return { name, stream: () => ctx.io.stdin };
    const path = resolve(ctx.io.cwd, name);
    let size: number;
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) throw new ExitError(`cannot read ${name}: is a directory`);
      size = stat.size;
    } catch (error) {
      if (error instanceof ExitError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new ExitError(`cannot read ${name}: ${code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error)}`);
    }
    return { name, size, stream: () => createReadStream(path, { highWaterMark: 64 * 1024 }) };
  });
}

async function runValidate(files: string[], options: ValidateOptions, ctx: CommandContext): Promise<ExitCode> {
  let evaluator: Evaluator;
  try {
    evaluator = createEvaluator({ only: splitIds(options.only) });
  } catch (error) {
    if (error instanceof UnknownRuleError) throw new ExitError(`--only: ${error.message} (see --list-rules)`);
    throw error;
  }
  const format = options.format;
  if (options.listRules) {
    ctx.io.stdout.write(listRules(evaluator, format));
    return EXIT.conformant;
  }
  if (files.length === 0) throw new ExitError('no input: give one or more files, or "-" to read standard input');
  const maxFindings = Number(options.maxFindings);
  if (!Number.isInteger(maxFindings) || maxFindings < 0) throw new ExitError(`--max-findings: expected a whole number, got '${options.maxFindings}'`);

  const forcedToday = options.today !== undefined ? checkDate(options.today, '--today') : undefined;
  const fileContext = options.context !== undefined ? readContextFile(options.context, ctx.io.cwd) : {};
  if (fileContext.today !== undefined) checkDate(String(fileContext.today), `--context ${options.context}: today`);
  const baseContext: RuleContext = { ...fileContext, today: forcedToday ?? fileContext.today ?? localToday() };
  // Without --context and --today, a record's own context is used as it is when it has a date (no copy per record).
  const mergeEachContext = options.context !== undefined || forcedToday !== undefined;

  const inputs = openInputs(files, ctx);
  // The spec's request schemas, as the mock applies them before its rules (compiled only when the rule is selected).
  const judgeSchema: SchemaJudge | undefined = evaluator.rules.some((rule) => rule.id === 'schema-conforme-spec') ? await schemaJudge() : undefined;
  const summarizer = new Summarizer(evaluator.rules, { maxFindings });
  const total = inputs.every((input) => input.size !== undefined) ? inputs.reduce((sum, input) => sum + input.size!, 0) : undefined;
  const bar =
    options.progress && ctx.io.stderr.isTTY === true && total !== undefined && total > 0
      ? new cliProgress.SingleBar(
          {
            stream: ctx.io.stderr as NodeJS.WritableStream,
            format: 'validate [{bar}] {percentage}% | {records} records | {file}',
            hideCursor: true,
            clearOnComplete: true,
            etaBuffer: 50,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;

  // One visit function for the whole run: the hot loop allocates nothing but the record's reference.
  let current: RecordRef = { line: 0, index: 0, kind: 'cerfa' };
  const visit = (rule: Rule<any>, result: RuleResult): void => summarizer.add(current, rule, result);
  let records = 0;
  let bytes = 0;

  bar?.start(total!, 0, { records: 0, file: '' });
  try {
    for (const input of inputs) {
      const splitter = new RecordSplitter();
      let index = 0;
      const handle = (raw: RawRecord): void => {
        const record = parseRecord(raw);
        const kind = options.type ?? record.kind ?? detectKind(record.payload);
        if (kind === undefined) {
          throw new InputError(raw.line, 'cannot tell the payload type (not a CERFA, facture, convention or certificat); use --type');
        }
        const own = record.context;
        const recordContext =
          own === undefined
            ? baseContext
            : !mergeEachContext && own.today !== undefined
              ? own
              : { ...baseContext, ...own, today: forcedToday ?? own.today ?? baseContext.today };
        const erreursSchema = judgeSchema?.(record.payload, kind);
        const context = erreursSchema === undefined ? recordContext : { ...recordContext, erreursSchema };
        current = recordRef(record.payload, kind, { file: input.name, line: raw.line, index: index++ });
        summarizer.addRecord(current);
        evaluator.run(record.payload, kind, context, visit);
        records++;
      };
      try {
        for await (const chunk of input.stream()) {
          // Bytes go to the splitter undecoded: NDJSON lines are cut in the bytes and decoded one by one.
          const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
          bytes += buffer.length;
          for (const raw of splitter.push(buffer)) handle(raw);
          bar?.update(bytes, { records, file: input.name });
        }
        for (const raw of splitter.end()) handle(raw);
      } catch (error) {
        if (error instanceof InputError) throw new ExitError(`${input.name}:${error.line}: ${error.message}`);
        const code = (error as NodeJS.ErrnoException | undefined)?.code;
        if (typeof code === 'string') throw new ExitError(`cannot read ${input.name}: ${code}`);
        throw error;
      }
    }
  } finally {
    bar?.stop();
  }

  const summary: ValidationSummary = summarizer.finish({
    tool: { name: 'convergence', version: packageVersion() },
    inputs: inputs.map((input) => input.name),
    failSeverity: options.failSeverity,
  });
  // Nothing judged is not "conformant": an empty export or a wrong file must stop a pipeline.
  if (summary.records === 0) throw new ExitError(`no record found in ${summary.inputs.join(', ')}`);
  const toFile = options.output !== undefined;
  const color = format === 'text' && !toFile && ctx.io.stdout.isTTY === true && ctx.io.env.NO_COLOR === undefined;
  const report = reporters[format](summary, { color });
  if (toFile) {
    const path = resolve(ctx.io.cwd, options.output!);
    try {
      writeFileSync(path, report);
    } catch (error) {
      throw new ExitError(`cannot write ${options.output}: ${error instanceof Error ? error.message : String(error)}`);
    }
    ctx.io.stderr.write(
      `${format} report written to ${options.output}: ${summary.records} records, ` +
        `${summary.totals.atOrAboveFailSeverity} findings at or above ${summary.failSeverity}\n`,
    );
  } else {
    ctx.io.stdout.write(report);
  }
  return summary.conformant ? EXIT.conformant : EXIT.findings;
}
