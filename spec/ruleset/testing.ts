// Test support for the ruleset: lints fixtures with the bundled ruleset loaded once, as users' Spectral loads it.
import { fileURLToPath } from 'node:url';
import type { ISpectralDiagnostic, Ruleset } from '@stoplight/spectral-core';
import { bundledRulesetPath, lintFile, loadRuleset } from './lint.js';

let bundled: Promise<Ruleset> | undefined;

/** The bundled convergence ruleset, loaded through the migrator and bundler (once per test file). */
export function bundledRuleset(): Promise<Ruleset> {
  bundled ??= loadRuleset(bundledRulesetPath()).then((loaded) => {
    if (!loaded.ok) throw new Error(loaded.problem.message);
    return loaded.value;
  });
  return bundled;
}

/** Absolute path of a file under spec/ruleset/fixtures/. */
export const fixturePath = (relative: string): string => fileURLToPath(new URL(`./fixtures/${relative}`, import.meta.url));

/** Lints a file (by absolute path) and fails loudly when it cannot be linted at all. */
export async function lint(file: string, ruleset?: Ruleset): Promise<ISpectralDiagnostic[]> {
  const linted = await lintFile(file, ruleset ?? (await bundledRuleset()));
  if (!linted.ok) throw new Error(linted.problem.message);
  return linted.value.results;
}

/** The findings of one rule, reduced to what a user reads: where (dot path) and the message. */
export async function findingsOf(ruleId: string, file: string): Promise<Array<{ path: string; message: string }>> {
  const results = await lint(file);
  return results.filter((r) => r.code === ruleId).map((r) => ({ path: r.path.join('.'), message: r.message }));
}
