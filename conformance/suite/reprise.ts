// The run directory's state (issue 18 §3): every scenario's run as it ended, and what a pending one held, so that
// `test opco --resume <run-dir>` plays on the pending ones hours or days later and merges the results.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactFields } from '../../reports/suite/scrub.js';
import type { Scenario } from './scenario.js';
import type { Judgement, ScenarioRun } from './types.js';

export const FICHIER_REPRISE = 'run-state.json';
const VERSION = 1;

/** How the run was started: what `--resume` takes again unless the command line says otherwise. Never a key. */
export interface ParametresDuRun {
  seed: number;
  runId: string;
  target: string;
  profile?: string;
  /** Absolute path of the recette file. */
  recette?: string;
  /** The scenarios' glob as given (absolute), absent for the bundled ones. */
  scenarios?: string;
  only?: string[];
  startedAt: string;
}

export interface EtatDuRun {
  version: typeof VERSION;
  parametres: ParametresDuRun;
  runs: (Omit<ScenarioRun, 'scenario'> & { scenarioId: string })[];
}

/** A run directory that cannot be resumed (exit 2). */
export class RepriseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RepriseError';
  }
}

/** An exchange kept for the report: its bodies redacted as the report's evidence will be. */
function sansDonneesPersonnelles(j: Judgement): Judgement {
  if (!j.echange) return j;
  const { request, response } = j.echange;
  return {
    ...j,
    echange: {
      ...j.echange,
      request: { ...request, ...(request.body !== undefined ? { body: redactFields(request.body) } : {}) },
      response: { ...response, ...(response.body !== undefined ? { body: redactFields(response.body) } : {}) },
    },
  };
}

/**
 * Writes the state beside the reports (mode 0600). Evidence is redacted; a pending scenario's captures are kept as
 * read (the suite's own generated contract and the server's answers about it), since the next steps are built from them.
 */
export function ecrireEtat(dir: string, parametres: ParametresDuRun, runs: ScenarioRun[]): string {
  mkdirSync(dir, { recursive: true });
  const state: EtatDuRun = {
    version: VERSION,
    parametres,
    runs: runs.map(({ scenario, ...run }) => ({ scenarioId: scenario.id, ...run, judgements: run.judgements.map(sansDonneesPersonnelles) })),
  };
  const path = join(dir, FICHIER_REPRISE);
  writeFileSync(path, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}

export function lireEtat(dir: string): EtatDuRun {
  const path = join(dir, FICHIER_REPRISE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new RepriseError(`--resume ${dir}: no ${FICHIER_REPRISE} there (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): give the --out directory of an earlier run`);
  }
  let state: EtatDuRun;
  try {
    state = JSON.parse(text) as EtatDuRun;
  } catch {
    throw new RepriseError(`--resume ${dir}: ${FICHIER_REPRISE} is not JSON`);
  }
  if (state?.version !== VERSION || !Array.isArray(state.runs) || typeof state.parametres?.seed !== 'number') {
    throw new RepriseError(`--resume ${dir}: ${FICHIER_REPRISE} was not written by this version of the suite`);
  }
  return state;
}

/** The saved runs with their scenarios; a scenario that is no longer in the files is an input error. */
export function runsRepris(state: EtatDuRun, scenarios: Scenario[]): ScenarioRun[] {
  return state.runs.map(({ scenarioId, ...run }) => {
    const scenario = scenarios.find((s) => s.id === scenarioId);
    if (!scenario) throw new RepriseError(`--resume: the scenario '${scenarioId}' of the run is not among the scenarios loaded`);
    return { scenario, ...run };
  });
}
