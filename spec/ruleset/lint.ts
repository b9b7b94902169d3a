// The lint engine behind `convergence lint`: loads a Spectral ruleset the way users' Spectral does and lints one
// OpenAPI file with $refs resolved; returns results or a typed input problem, never prints nor exits.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import spectralCore from '@stoplight/spectral-core';
import type { ISpectralDiagnostic, Ruleset } from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import spectralRuntime from '@stoplight/spectral-runtime';
import { bundleAndLoadRuleset } from '@stoplight/spectral-ruleset-bundler/with-loader';

const { Spectral, Document } = spectralCore;

/** Spectral's numeric severities (DiagnosticSeverity), by the names the CLI accepts. */
export const SEVERITIES = { error: 0, warn: 1, info: 2, hint: 3 } as const;
export type SeverityName = keyof typeof SEVERITIES;

export type InputProblemKind = 'missing' | 'unreadable' | 'unparsable' | 'empty' | 'not-openapi' | 'invalid-ruleset';

/** Why a file could not be linted at all (as opposed to findings inside it). */
export interface InputProblem {
  kind: InputProblemKind;
  file: string;
  message: string;
  /** 1-based, when the parser could tell where. */
  line?: number;
  column?: number;
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; problem: InputProblem };

/** What linting one file produced. */
export interface LintReport {
  results: ISpectralDiagnostic[];
  /** The document's `openapi` version (e.g. `3.0.3`), or `swagger 2.0`; undefined when it declares neither. */
  specVersion: string | undefined;
}

/** The directory holding our package.json, found from this module: works from the sources and from dist/. */
export function packageRoot(from: string = import.meta.url): string {
  let dir = dirname(from.startsWith('file:') ? fileURLToPath(from) : from);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
}

export const bundledRulesetPath = (): string => join(packageRoot(), 'spec', 'ruleset', 'convergence.spectral.yaml');
export const bundledSpecPath = (): string => join(packageRoot(), 'spec', 'openapi.yaml');

/** Loads a YAML/JSON/JS ruleset exactly as the Spectral CLI does (migrator + bundler), custom functions included. */
export async function loadRuleset(file: string): Promise<Loaded<Ruleset>> {
  const absolute = resolve(file);
  if (!existsSync(absolute)) {
    return { ok: false, problem: { kind: 'missing', file: absolute, message: `ruleset not found: ${absolute}` } };
  }
  try {
    const ruleset = await bundleAndLoadRuleset(absolute, { fs, fetch: spectralRuntime.fetch });
    return { ok: true, value: ruleset };
  } catch (error) {
    return { ok: false, problem: { kind: 'invalid-ruleset', file: absolute, message: `cannot load ruleset ${absolute}: ${describe(error)}` } };
  }
}

/**
 * Lints one OpenAPI file (YAML or JSON). Relative and remote $refs are resolved from the file's own location.
 * A YAML/JSON syntax error is an input problem (with its line), not a finding: nothing meaningful can be linted.
 * Duplicate keys stay findings, as in Spectral, because the file still parses. A document that matches none of the
 * ruleset's formats is an input problem too: Spectral would only warn, having run no rule.
 */
export async function lintFile(file: string, ruleset: Ruleset): Promise<Loaded<LintReport>> {
  const absolute = resolve(file);
  if (!existsSync(absolute)) {
    return { ok: false, problem: { kind: 'missing', file: absolute, message: `file not found: ${absolute}` } };
  }
  let text: string;
  try {
    if (statSync(absolute).isDirectory()) throw new Error('is a directory');
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    return { ok: false, problem: { kind: 'unreadable', file: absolute, message: `cannot read ${absolute}: ${describe(error)}` } };
  }
  const document =
    extname(absolute).toLowerCase() === '.json'
      ? new Document(text, spectralParsers.Json, absolute)
      : new Document(text, spectralParsers.Yaml, absolute);
  const syntaxError = document.diagnostics.find(
    (d) =>
      d.code === 'parser' &&
      d.severity === SEVERITIES.error &&
      !d.message.startsWith('Duplicate key') &&
      !d.message.startsWith('Mapping key must be a string scalar'),
  );
  if (syntaxError !== undefined) {
    const line = syntaxError.range.start.line + 1;
    const column = syntaxError.range.start.character + 1;
    return {
      ok: false,
      problem: { kind: 'unparsable', file: absolute, line, column, message: `${absolute}:${line}:${column}: ${syntaxError.message}` },
    };
  }
  if (typeof document.data !== 'object' || document.data === null || Array.isArray(document.data)) {
    return { ok: false, problem: { kind: 'empty', file: absolute, message: `${absolute} is empty or is not a YAML/JSON object` } };
  }
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  const results = await spectral.run(document);
  const unrecognized = results.find((r) => r.code === 'unrecognized-format');
  if (unrecognized !== undefined) {
    // Spectral only warns, but no rule ran: passing such a file would be a false "conformant".
    return { ok: false, problem: { kind: 'not-openapi', file: absolute, message: `${absolute}: ${unrecognized.message} (no rule ran)` } };
  }
  return { ok: true, value: { results, specVersion: specVersionOf(document.data) } };
}

function specVersionOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { openapi, swagger } = data as { openapi?: unknown; swagger?: unknown };
  if (openapi !== undefined) return String(openapi);
  if (swagger !== undefined) return `swagger ${String(swagger)}`;
  return undefined;
}

/** The installed Spectral version, for the SARIF tool driver. */
export function spectralVersion(): string {
  try {
    const entry = createRequire(import.meta.url).resolve('@stoplight/spectral-core');
    const pkg = JSON.parse(readFileSync(join(packageRoot(entry), 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    // Spectral reports every invalid rule at once, each with the path of the offending key.
    return error.errors
      .map((e: unknown) => {
        const path = (e as { path?: unknown }).path;
        const where = Array.isArray(path) && path.length > 0 ? `${path.join('.')}: ` : '';
        return `${where}${e instanceof Error ? e.message : String(e)}`;
      })
      .join('; ');
  }
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error && !error.message.includes(cause.message) ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
