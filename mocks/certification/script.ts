// The certification script (YAML): the mock clock's delays, the protocol rules' thresholds and the scripted plays.
import { readFileSync } from 'node:fs';
import { parse, YAMLParseError } from 'yaml';
import { Ajv, type ErrorObject } from 'ajv';
import { PARAMETRES_PROTOCOLE_DEFAUT, type ParametresProtocole } from '../../conformance/model/session.js';
import { DurationError, parseDuration } from '../clock.js';
import { MockProblem, PROBLEMS, type NormError, type ProblemCode } from '../errors.js';
import type { Delais } from '../engine/context.js';
import { mocksAsset } from '../profiles.js';

/** The answer of a play: the norm's problem body, with `Retry-After` (seconds) for a 429. */
export interface PlayAnswer {
  status: number;
  /** Problem code of the mock's catalogue; defaults by status: 429 TROP_DE_REQUETES, 500 ERREUR_SIMULEE, 503 SERVICE_INDISPONIBLE. */
  code: ProblemCode;
  /** French detail; the catalogue's title when absent. */
  detail?: string;
  retryAfter?: number;
  errors?: NormError[];
}

export interface Play {
  /** Stable id, recorded as the exchange's `scripted`. */
  id: string;
  /** The norm's operation, `POST /factures`. */
  operation: string;
  /** 1-based: the n-th request of the operation in a session that passed authentication and validation. */
  occurrence: number;
  answer: PlayAnswer;
}

export interface CertificationScript {
  /** File it was read from, for messages; absent when built in code. */
  file?: string;
  /** Replace the config's delays in certification mode (missing ones keep the config's). */
  delais: Partial<Delais>;
  parametres: ParametresProtocole;
  plays: Play[];
}

/** A script that cannot be used; the message names the file and the field. */
export class ScriptError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    message: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${message}`);
    this.name = 'ScriptError';
  }
}

const DEFAULT_CODES: Record<number, ProblemCode> = { 429: 'TROP_DE_REQUETES', 500: 'ERREUR_SIMULEE', 503: 'SERVICE_INDISPONIBLE' };

const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    delais: {
      type: 'object',
      additionalProperties: false,
      properties: { instruction: { type: 'string' }, decision: { type: 'string' }, paiement: { type: 'string' } },
    },
    parametres: {
      type: 'object',
      additionalProperties: false,
      properties: {
        tempeteMaxRenvois: { type: 'integer', minimum: 0 },
        fenetreTempeteMs: { type: 'integer', minimum: 1 },
        pauseApresErreurMs: { type: 'integer', minimum: 0 },
        lecturesMaxParSeconde: { type: 'integer', minimum: 1 },
      },
    },
    plays: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'operation', 'occurrence', 'answer'],
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
          operation: { type: 'string', pattern: '^(GET|POST|PUT|PATCH|DELETE) /[A-Za-z0-9/]*$' },
          occurrence: { type: 'integer', minimum: 1 },
          answer: {
            type: 'object',
            additionalProperties: false,
            required: ['status'],
            properties: {
              status: { type: 'integer', minimum: 400, maximum: 599 },
              code: { type: 'string', enum: Object.keys(PROBLEMS) },
              detail: { type: 'string', minLength: 1 },
              retryAfter: { type: 'integer', minimum: 0 },
              errors: {
                type: 'array',
                minItems: 1,
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['code', 'description'],
                  properties: { code: { type: 'string', minLength: 1 }, description: { type: 'string', minLength: 1 }, champ: { type: 'string' } },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

const validateScript = new Ajv({ allErrors: true }).compile(schema);

/** `/plays/2/answer/status` → `plays[2].answer.status`. */
function fieldOf(error: ErrorObject): string {
  const parts = error.instancePath.split('/').slice(1);
  if (error.keyword === 'additionalProperties') parts.push(String((error.params as { additionalProperty: string }).additionalProperty));
  if (error.keyword === 'required') parts.push(String((error.params as { missingProperty: string }).missingProperty));
  return parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function explain(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return 'unknown field';
    case 'required':
      return 'is required';
    case 'enum':
      return `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    default:
      return error.message ?? error.keyword;
  }
}

/** The bundled default script. */
export function defaultScriptPath(): string {
  return mocksAsset('certification/script.yaml');
}

/** Checks a parsed script; `file` only names it in errors. */
export function checkCertificationScript(value: unknown, file: string): CertificationScript {
  const raw = value ?? {};
  if (!validateScript(raw)) {
    const first = validateScript.errors?.[0];
    throw new ScriptError(file, first ? fieldOf(first) : '', first ? explain(first) : 'invalid script');
  }
  const input = raw as { delais?: Partial<Delais>; parametres?: Partial<ParametresProtocole>; plays?: (Omit<Play, 'answer'> & { answer: Omit<PlayAnswer, 'code'> & { code?: ProblemCode } })[] };
  for (const [name, duration] of Object.entries(input.delais ?? {})) {
    try {
      parseDuration(duration);
    } catch (error) {
      if (error instanceof DurationError) throw new ScriptError(file, `delais.${name}`, `not an ISO 8601 duration: ${duration}`);
      throw error;
    }
  }
  const seen = new Set<string>();
  const plays = (input.plays ?? []).map((play, i): Play => {
    if (seen.has(play.id)) throw new ScriptError(file, `plays[${i}].id`, `duplicate play id ${play.id}`);
    seen.add(play.id);
    const { answer } = play;
    const code = answer.code ?? DEFAULT_CODES[answer.status];
    if (!code) throw new ScriptError(file, `plays[${i}].answer.code`, `is required for status ${answer.status}`);
    if (answer.retryAfter !== undefined && answer.status !== 429 && answer.status !== 503) {
      throw new ScriptError(file, `plays[${i}].answer.retryAfter`, 'only a 429 or 503 answer carries Retry-After');
    }
    return { ...play, answer: { ...answer, code } };
  });
  return {
    file,
    delais: { ...input.delais },
    parametres: { ...PARAMETRES_PROTOCOLE_DEFAUT, ...input.parametres },
    plays,
  };
}

/** Reads and checks a script file (the bundled default when `file` is absent); throws ScriptError. */
export function loadCertificationScript(file: string = defaultScriptPath()): CertificationScript {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ScriptError(file, '', `cannot read the script (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    if (error instanceof YAMLParseError) throw new ScriptError(file, '', `not valid YAML: ${error.message}`);
    throw error;
  }
  return checkCertificationScript(value, file);
}

/** The problem a play answers with. */
export function playProblem(play: Play): MockProblem {
  const { answer } = play;
  const detail = answer.detail ?? PROBLEMS[answer.code].title;
  const headers: Record<string, string> = answer.retryAfter === undefined ? {} : { 'retry-after': String(answer.retryAfter) };
  return new MockProblem(answer.code, detail, answer.errors ?? [], { status: answer.status, headers });
}
