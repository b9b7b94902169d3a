// Scenarios as data: loads scenarios/*.yaml, validates each against scenarios/schema.json (ajv) and checks ids.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { lireYamlValide, validateurParesseux } from './yaml-schema.js';
import { packageRoot } from '../engine/package-root.js';

export type Capacite = 'v1' | 'v2' | 'dossiers' | 'rupture' | 'factures' | 'facturesEtats' | 'conventions' | 'certificats' | 'documents' | 'cfakeyinfo';

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Which credentials: the CFA's key (default), the second CFA's, none, or a key the OPCO cannot know. */
  auth?: 'cfa' | 'cfa2' | 'sans-cle' | 'cle-inconnue';
  sansEntetes?: ('EDITEUR' | 'LOGICIEL' | 'VERSION')[];
  body?: unknown;
  /** Sent as is (malformed JSON). */
  rawBody?: string;
  /** A JSON body padded to this many bytes (oversized body). */
  bodyBytes?: number;
  /** Values set by JSON path after templating: `{ "apprenti.nom": "X" }`. */
  overrides?: Record<string, unknown>;
  /** A payload rule id: the body is turned by that rule's plant into one violating it. */
  plant?: string;
  /** Extra request headers (`Prefer: code=429`, Prism's convention): never the key nor the token. */
  entetes?: Record<string, string>;
}

export interface ExpectSpec {
  regles: string[];
  status?: number | string | (number | string)[];
  codes?: string[];
  champs?: Record<string, unknown>;
  /** The dossier's state, reached at least this far (see AttenteEchange.etat). */
  etat?: string;
  absents?: string[];
  numeroInterne?: string;
}

export interface WaitSpec {
  /** With the admin clock only: how far to move it first (the conditions are then reached by setting the clock). */
  advance?: string;
  /** A calendar condition: the day (a template, `{{capture.dossier.cerfa.contrat.dateFinContrat}}`) is reached… */
  date?: string;
  /** …plus this ISO 8601 duration. */
  plus?: string;
  /** A calendar condition: an échéance of a captured dossier is open (`dossier`: the one the scenario invoices; `dossier 4`). */
  ouverture?: string;
  /** A state condition: polled until the field reads one of the values. */
  until?: { path: string; champ: string; valeurs: unknown[] };
  /** Seconds of polling before the wait is left pending (without the admin clock); the recette's delay when absent. */
  timeout?: number;
  /** Which of the OPCO's declared delays (recette `delais`) this wait lasts: the polling limit when `timeout` is absent. */
  delai?: 'instruction' | 'paiement';
}

export interface Step {
  id: string;
  request?: RequestSpec;
  capture?: Record<string, string>;
  expect?: ExpectSpec;
  /** Walk every page of a listing (numeroPage=1, 2, …) and check they add up to total. */
  pages?: boolean;
  wait?: WaitSpec;
}

export interface Scenario {
  id: string;
  titre: string;
  intention: string;
  exigences: string[];
  capacites: Capacite[];
  /** Inputs the run must provide, else the scenario is skipped: `cfa2` (--cfa-key-2). */
  besoins?: 'cfa2'[];
  /**
   * Where the OPCO's recette names dossiers already engaged (recette `dossiersEngages`), the scenario starts from one
   * of them instead of playing `remplace` (deposit, decision, read): the dossier read is captured under `capture`
   * and its numeroInterne under `numeroInterne`. Without them, the steps are played.
   */
  depart?: { dossierEngage: { remplace: string[]; capture: string } };
  /** The scenario plays a generated contract concluded on or after this day (`YYYY-MM-DD`): the first of its own draws that is. */
  concluDepuis?: string;
  steps: Step[];
  /** File it was read from (relative to the working directory when possible). */
  file: string;
}

/** A scenario file that cannot be used; the message names the file and the JSON path. */
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

const validate = validateurParesseux(() => join(packageRoot(), 'scenarios', 'schema.json'));

export const bundledScenariosDir = (): string => join(packageRoot(), 'scenarios');

/** Parses and validates one scenario file. */
export function parseScenario(text: string, file: string): Scenario {
  const value = lireYamlValide(text, file, validate(), (message) => new ScenarioError(message));
  const scenario = value as Omit<Scenario, 'file'>;
  const ids = scenario.steps.map((s) => s.id);
  const twin = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twin) throw new ScenarioError(`${file}: /steps: duplicate step id '${twin}'`);
  return { ...scenario, file };
}

/** Glob of file names (`*` and `?` only) inside one directory, or one file, or a directory. */
function expand(pattern: string, cwd: string): string[] {
  const full = resolve(cwd, pattern);
  if (!/[*?]/.test(full)) {
    if (statSync(full, { throwIfNoEntry: false })?.isDirectory()) return readdirSync(full).filter((n) => n.endsWith('.yaml')).sort().map((n) => join(full, n));
    return [full];
  }
  const dir = full.slice(0, full.lastIndexOf('/'));
  const name = basename(full);
  const regex = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  if (/[*?]/.test(dir)) throw new ScenarioError(`${pattern}: wildcards are only allowed in the file name`);
  return readdirSync(dir).filter((n) => regex.test(n)).sort().map((n) => join(dir, n));
}

/** The scenarios of one glob or several separated by commas (default: the bundled scenarios/*.yaml), with unique ids. */
export function loadScenarios(pattern?: string, cwd = process.cwd()): Scenario[] {
  const patterns = (pattern ?? join(bundledScenariosDir(), '*.yaml')).split(',').map((p) => p.trim()).filter(Boolean);
  const files = [...new Set(patterns.flatMap((p) => expand(p, cwd)))].filter((f) => !f.endsWith('schema.json'));
  if (files.length === 0) throw new ScenarioError(`${pattern}: no scenario file`);
  const scenarios = files.map((file) => {
    const shown = relative(cwd, file).startsWith('..') ? file : relative(cwd, file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ScenarioError(`${shown}: cannot read: ${(error as Error).message}`);
    }
    return parseScenario(text, shown);
  });
  const seen = new Map<string, string>();
  for (const s of scenarios) {
    const other = seen.get(s.id);
    if (other) throw new ScenarioError(`${s.file}: /id: '${s.id}' is already the id of ${other}`);
    seen.set(s.id, s.file);
  }
  return scenarios;
}
