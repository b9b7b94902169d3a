// `convergence generate <kind>`: streams seeded, realistic, valid (or deliberately invalid) payloads as NDJSON.
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { EXIT, ExitError } from '../io.js';
import type { PayloadKind } from '../../conformance/model/payloads.js';
import type { Rule } from '../../conformance/rules/rule.js';

// The generators (Faker's French data) and the rule catalogue load when `generate` runs, not for other commands.
const loadGenerators = () => import('../../conformance/generate/index.js');
const loadCatalogue = () => import('../../conformance/rules/index.js');

const KINDS: readonly PayloadKind[] = ['cerfa', 'convention', 'facture', 'certificat'];
/** Lines are batched into chunks of about this many characters before each write. */
const CHUNK = 64 * 1024;

interface GenerateOptions {
  count: string;
  seed: string;
  start: string;
  invalid?: string;
  out?: string;
  withContext?: boolean;
  complete?: boolean;
  listRules?: boolean;
}

export function registerGenerate(program: Command, ctx: CommandContext): void {
  program
    .command('generate')
    .summary('generate realistic, seeded CERFA / convention / facture / certificat payloads as NDJSON')
    .description(
      'Generate synthetic but realistic French payloads of the norm, one JSON object per line (NDJSON): valid ' +
        'SIRET, NIR, UAI and IBAN, coherent places, ages, dates and legal remuneration. Record i of a seed is ' +
        'always the same whatever --count, and the four kinds of one (seed, index) describe one dossier (the ' +
        'invoice matches its échéancier, the convention and the certificat refer to it). Names and NIRs are ' +
        'invented: the output is test data, never real personal data.\n\n' +
        'A cerfa record is written as the deposit body real CFA software sends, {"cerfa": {…}}, with the variety ' +
        'of that software: dates as YYYY-MM-DD or as date-times with an offset (2026-09-01T00:00:00+00:00), ' +
        'adresse1/adresse2, a birth département on two or three characters (069, 099 abroad), numeroInterne ' +
        'mostly present. `convergence validate` reads it as is (and a bare CERFA too).\n\n' +
        'With --with-context each line is {"payload": …, "context": …}, the context being what the OPCO knows when ' +
        'judging it (dossier ENGAGE with its échéancier, today, known SIRETs): `convergence validate` accepts this ' +
        'wrapper, and invoices need it to be judged.\n\n' +
        'With --invalid <rule-id> each record is made to violate that rule (and no other blocking rule) through the ' +
        "rule's own plant (on the --complete variant of a record when the plant needs an optional part the " +
        'ordinary record lacks); --list-rules prints the rule ids that apply to a kind.\n\n' +
        'Exit codes: 0 written, 2 bad option, unknown kind or rule, rule not applicable to the kind, unwritable file.',
    )
    .argument('[kind]', `payload kind: ${KINDS.join(' | ')}`)
    .option('-n, --count <n>', 'number of records', '1')
    .option('-s, --seed <seed>', 'seed (non-negative integer): same seed, same records', '1')
    .option('--start <index>', 'index of the first record (to split a large run across processes)', '0')
    .option('-i, --invalid <rule-id>', 'make every record violate this rule')
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--with-context', 'wrap each line as {"payload": …, "context": …}')
    .option('--complete', 'every optional part present (maître 2, frais annexes, certificat embedded in the invoice…)')
    .option('--list-rules', 'list the ids of the rules that apply to the kind (all rules without a kind), then exit')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  convergence generate cerfa --count 3 --seed 42\n' +
        '  convergence generate facture --count 100 --with-context -o factures.ndjson\n' +
        '  convergence generate cerfa --list-rules\n' +
        '  convergence generate cerfa --count 10 --invalid nir-cle\n',
    )
    .action(async (kind: string | undefined, options: GenerateOptions) => {
      ctx.setExit(await runGenerate(kind, options, ctx));
    });
}

function nonNegativeInteger(name: string, value: string): number {
  const n = /^[0-9]+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new ExitError(`--${name} must be a non-negative integer, received "${value}"`, EXIT.toolError);
  return n;
}

function parseKind(kind: string | undefined): PayloadKind {
  if (kind === undefined) throw new ExitError(`missing payload kind: ${KINDS.join(' | ')}`, EXIT.toolError);
  if (!(KINDS as readonly string[]).includes(kind)) {
    throw new ExitError(`unknown payload kind "${kind}": expected ${KINDS.join(' | ')}`, EXIT.toolError);
  }
  return kind as PayloadKind;
}

function listRules(kind: string | undefined, catalogue: readonly Rule<any>[], ctx: CommandContext): 0 {
  const wanted = kind === undefined ? undefined : parseKind(kind);
  const rules = catalogue.filter((r) => wanted === undefined || (r.appliesTo as readonly string[]).includes(wanted));
  const lines = rules.map((r) => `${r.id}\t${r.severity}\t${r.appliesTo.join(',')}\t${r.title}`);
  ctx.io.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
  return EXIT.conformant;
}

/** Waits until `out` can take more, or fails when it errors or closes first (a closed pipe never drains). */
function drain(out: Writable): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const cleanup = () => {
      out.off('drain', onDrain);
      out.off('error', onError);
      out.off('close', onClose);
    };
    const onDrain = () => {
      cleanup();
      resolvePromise();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(Object.assign(new Error('output closed'), { code: 'EPIPE' }));
    };
    out.on('drain', onDrain);
    out.on('error', onError);
    out.on('close', onClose);
  });
}

async function openFile(path: string): Promise<Writable> {
  const stream = createWriteStream(path);
  await new Promise<void>((resolvePromise, reject) => {
    stream.once('open', () => resolvePromise());
    stream.once('error', reject);
  }).catch((error: Error) => {
    throw new ExitError(`cannot write ${path}: ${error.message}`, EXIT.toolError);
  });
  return stream;
}

async function runGenerate(kindArg: string | undefined, options: GenerateOptions, ctx: CommandContext): Promise<0> {
  if (options.listRules) return listRules(kindArg, (await loadCatalogue()).catalogue, ctx);
  const kind = parseKind(kindArg);
  const count = nonNegativeInteger('count', options.count);
  const seed = nonNegativeInteger('seed', options.seed);
  const start = nonNegativeInteger('start', options.start);
  if (!Number.isSafeInteger(start + count)) throw new ExitError('--start + --count is too large', EXIT.toolError);

  let rule: Rule<any> | undefined;
  if (options.invalid !== undefined) {
    const { findRule } = await loadCatalogue();
    rule = findRule(options.invalid);
    const howToList = `run "convergence generate ${kind} --list-rules" (or "convergence validate --list-rules") for the valid ids`;
    if (rule === undefined) throw new ExitError(`unknown rule id "${options.invalid}": ${howToList}`, EXIT.toolError);
    if (!(rule.appliesTo as readonly string[]).includes(kind)) {
      throw new ExitError(`rule "${rule.id}" applies to ${rule.appliesTo.join(', ')}, not to ${kind}: ${howToList}`, EXIT.toolError);
    }
  }

  const generators = await loadGenerators();
  const out = options.out !== undefined ? await openFile(resolve(ctx.io.cwd, options.out)) : ctx.io.stdout;
  let contextNoted = false;
  const generateOptions = { complet: options.complete === true };
  const line = (index: number): string => {
    if (rule === undefined) {
      const record = generators.generateRecord(kind, seed, index, generateOptions);
      const payload = generators.surLeFil(kind, record.payload, seed, index);
      return JSON.stringify(options.withContext ? { payload, context: record.context } : payload);
    }
    const planted = options.complete
      ? generators.plantRecord(rule, kind, generators.generateRecord(kind, seed, index, generateOptions))
      : generators.generateInvalidRecord(rule, kind, seed, index);
    if (planted.contextPlanted && !options.withContext && !contextNoted) {
      contextNoted = true;
      ctx.io.stderr.write(
        `convergence: rule ${rule.id} is violated through the context (what the OPCO knows): add --with-context to keep it\n`,
      );
    }
    const payload = generators.surLeFil(kind, planted.payload, seed, index);
    return JSON.stringify(options.withContext ? { payload, context: planted.context } : payload);
  };

  // Errors of the output (a closed pipe) arrive as events: remember them and stop at the next record.
  let failure: Error | undefined;
  const onError = (error: Error) => {
    failure = error;
  };
  out.on('error', onError);
  try {
    let buffer = '';
    for (let index = start; index < start + count; index++) {
      if (failure !== undefined) throw failure;
      buffer += `${line(index)}\n`;
      if (buffer.length >= CHUNK) {
        if (!out.write(buffer)) await drain(out);
        buffer = '';
      }
    }
    if (buffer.length > 0 && !out.write(buffer)) await drain(out);
  } catch (error) {
    // A reader that stops early (`| head`) closes the pipe: that is the reader's choice, not a failure.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return EXIT.conformant;
    if (error instanceof ExitError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ExitError(rule !== undefined ? `plant of rule ${rule.id} failed: ${message}` : message, EXIT.toolError);
  } finally {
    if (out !== ctx.io.stdout) await new Promise<void>((done) => out.end(done));
    out.off('error', onError);
  }
  return EXIT.conformant;
}
