// `convergence lint [spec-file]`: lints the bundled OpenAPI description of the norm (or the user's file) with the
// convergence Spectral ruleset, renders with Spectral's own formatters and maps findings to the exit-code contract.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { Option, type Command } from 'commander';
import type { ISpectralDiagnostic, Ruleset } from '@stoplight/spectral-core';
import type { CommandContext } from '../main.js';
import { EXIT, ExitError } from '../io.js';
import type { SeverityName } from '../../spec/ruleset/lint.js';

// Spectral and its formatters are loaded when `lint` runs, not when any other command (or --help) starts.
const loadEngine = () => import('../../spec/ruleset/lint.js');
const loadFormatters = async () => (await import('@stoplight/spectral-formatters')).default;

const SEVERITY_NAMES: readonly SeverityName[] = ['error', 'warn', 'info', 'hint'];
const FORMATS = ['stylish', 'json', 'junit', 'sarif'] as const;
type FormatName = (typeof FORMATS)[number];

interface LintOptions {
  format: FormatName;
  failSeverity: SeverityName;
  ruleset?: string;
  output?: string;
}

export function registerLint(program: Command, ctx: CommandContext): void {
  program
    .command('lint')
    .summary('lint an OpenAPI description against the norm\'s conventions (Spectral)')
    .description(
      'Lint an OpenAPI description with the convergence Spectral ruleset: the spectral:oas recommended rules plus ' +
        'the norm\'s conventions (cfaKey security and EDITEUR/LOGICIEL/VERSION headers, shared error body, French ' +
        'descriptions, x-source, identifier components, date formats). Without a file, lints the bundled ' +
        'spec/openapi.yaml. $refs are resolved from the file\'s location.\n\n' +
        'Exit codes: 0 no finding at or above --fail-severity, 1 findings, 2 missing or unparsable file or ruleset.',
    )
    .argument('[spec-file]', 'OpenAPI file to lint (YAML or JSON), e.g. the official CfaDock description')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('stylish'))
    .addOption(
      new Option('-F, --fail-severity <severity>', 'lowest severity that makes the command exit 1')
        .choices([...SEVERITY_NAMES])
        .default('error'),
    )
    .option('-r, --ruleset <file>', 'use another Spectral ruleset instead of the bundled convergence ruleset')
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  convergence lint                                   lint the bundled spec\n' +
        '  convergence lint official.yaml                     lint the official CfaDock OpenAPI file\n' +
        '  convergence lint official.yaml --format sarif -o lint.sarif\n' +
        '  convergence lint my.yaml --fail-severity warn      fail on warnings too\n',
    )
    .action(async (specFile: string | undefined, options: LintOptions) => {
      ctx.setExit(await runLint(specFile, options, ctx));
    });
}

async function runLint(specFile: string | undefined, options: LintOptions, ctx: CommandContext): Promise<0 | 1> {
  const engine = await loadEngine();
  const rulesetFile = options.ruleset !== undefined ? resolve(ctx.io.cwd, options.ruleset) : engine.bundledRulesetPath();
  const file = specFile !== undefined ? resolve(ctx.io.cwd, specFile) : engine.bundledSpecPath();

  const ruleset = await engine.loadRuleset(rulesetFile);
  if (!ruleset.ok) throw new ExitError(ruleset.problem.message, EXIT.toolError);
  const linted = await engine.lintFile(file, ruleset.value);
  if (!linted.ok) throw new ExitError(linted.problem.message, EXIT.toolError);

  const { results, specVersion } = linted.value;
  if (options.ruleset === undefined && !(specVersion ?? '').startsWith('3')) {
    ctx.io.stderr.write(
      `convergence: ${file} is not OpenAPI 3.x (${specVersion ?? 'no version'}): the convergence-* rules did not run, only spectral:oas.\n`,
    );
  }
  const failSeverity = engine.SEVERITIES[options.failSeverity];
  const failing = results.filter((r) => r.severity <= failSeverity).length;
  const report = await render(options.format, results, failSeverity, ruleset.value, engine.spectralVersion);
  const verdict = summary(file, results.length, failing, options.failSeverity);
  if (options.output !== undefined) {
    const outputFile = resolve(ctx.io.cwd, options.output);
    try {
      writeFileSync(outputFile, stripVTControlCharacters(report));
    } catch (error) {
      throw new ExitError(`cannot write ${outputFile}: ${error instanceof Error ? error.message : String(error)}`);
    }
    ctx.io.stderr.write(`${verdict} Report written to ${outputFile}\n`);
  } else {
    ctx.io.stdout.write(colours(ctx) ? report : stripVTControlCharacters(report));
    if (options.format === 'stylish') ctx.io.stdout.write(`${verdict}\n`);
  }
  return failing > 0 ? EXIT.findings : EXIT.conformant;
}

async function render(
  format: FormatName,
  results: ISpectralDiagnostic[],
  failSeverity: number,
  ruleset: Ruleset,
  spectralVersion: () => string,
): Promise<string> {
  const formatters = await loadFormatters();
  const options = { failSeverity };
  switch (format) {
    case 'stylish':
      return formatters.stylish(results, options);
    case 'json':
      return `${formatters.json(results, options)}\n`;
    case 'junit':
      return `${formatters.junit(results, options)}\n`;
    case 'sarif':
      return `${formatters.sarif(results, options, { ruleset, spectralVersion: spectralVersion() })}\n`;
  }
}

function summary(file: string, total: number, failing: number, failSeverity: SeverityName): string {
  if (total === 0) return `${file}: no findings.`;
  return failing > 0
    ? `${file}: ${failing} finding(s) at or above "${failSeverity}".`
    : `${file}: no finding at or above "${failSeverity}" (${total} below it).`;
}

/** Colours only for a terminal that did not opt out (NO_COLOR); reports in files and pipes stay plain text. */
function colours(ctx: CommandContext): boolean {
  if (ctx.io.env.NO_COLOR !== undefined && ctx.io.env.NO_COLOR !== '') return false;
  if (ctx.io.env.FORCE_COLOR !== undefined && ctx.io.env.FORCE_COLOR !== '0') return true;
  return ctx.io.stdout.isTTY === true;
}
