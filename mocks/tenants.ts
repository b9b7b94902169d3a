// Tenants of the mock: the CFAs, their API key per OPCO, the admin token and OAuth2 clients, from a YAML config.
import { readFileSync } from 'node:fs';
import { parse, YAMLParseError } from 'yaml';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parseDuration } from './clock.js';
import type { ProfileOverride } from './profiles.js';

export interface CfaTenant {
  siret: string;
  denomination: string;
  /** API key per OPCO id; the id `*` gives one key for every OPCO (used by the demo CFA). */
  keys: Record<string, string>;
  iban: string;
  /** When present, only these EDITEUR header values are accepted for this CFA. */
  editeurs?: string[];
}

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export interface MockConfig {
  admin: { token: string };
  /** OPCO served at the root paths; `norme` by default. */
  defaultOpco?: string;
  /** Per-OPCO overrides of mocks/profiles.yaml, plus the OAuth2 clients of that OPCO. */
  opcos?: Record<string, ProfileOverride & { clients?: OAuthClient[] }>;
  /** ISO 8601 durations measured from the deposit (dossiers) or the receipt (invoices). */
  delais?: { instruction?: string; decision?: string; paiement?: string };
  /** Page size of the `etats` listings (50 by default). */
  pageSize?: number;
  cfas: CfaTenant[];
}

/** The documented demo tenant: used when no config is given. Its key is the user's own throwaway key. */
export const DEMO = {
  adminToken: 'demo-admin-token',
  apiKey: 'demo-cfa-key',
  siret: '85300000800005',
  iban: 'FR7630006000011234567890189',
  client: { clientId: 'demo-client', clientSecret: 'demo-secret' },
} as const;

export function demoConfig(): MockConfig {
  return {
    admin: { token: DEMO.adminToken },
    cfas: [
      {
        siret: DEMO.siret,
        denomination: 'CFA de démonstration',
        keys: { '*': DEMO.apiKey },
        iban: DEMO.iban,
      },
    ],
  };
}

export const DEFAULT_DELAIS = { instruction: 'P1D', decision: 'P5D', paiement: 'P30D' } as const;

const cfaSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['siret', 'denomination', 'keys', 'iban'],
  properties: {
    siret: { type: 'string', pattern: '^[0-9]{14}$' },
    denomination: { type: 'string', minLength: 1 },
    keys: { type: 'object', minProperties: 1, additionalProperties: { type: 'string', minLength: 8 } },
    iban: { type: 'string', pattern: '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$' },
    editeurs: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
} as const;

const duration = { type: 'string', pattern: '^P' } as const;

const configSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['admin', 'cfas'],
  properties: {
    admin: {
      type: 'object',
      additionalProperties: false,
      required: ['token'],
      properties: { token: { type: 'string', minLength: 8 } },
    },
    defaultOpco: { type: 'string' },
    opcos: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          nom: { type: 'string' },
          versions: { type: 'array', items: { enum: ['v1', 'v2'] } },
          capabilities: { type: 'array', items: { type: 'string' } },
          unknownNumeroInterneStatus: { enum: [400, 404] },
          oauth2Required: { type: 'boolean' },
          oauth2Scope: { type: 'string' },
          etatRupture: { enum: ['RUPTURE', 'RUPTU'] },
          // Wire quirks (mocks/profiles.yaml `particularites`).
          depotStatus: { enum: [200, 201] },
          erreurDescriptionRacine: { enum: ['none', 'description', 'comment'] },
          employeurV2: { type: 'boolean' },
          pageEtatsEnveloppeTableau: { type: 'boolean' },
          naturesFraisCasse: { enum: ['codes', 'mots'] },
          formeDates: { enum: ['date', 'date-time'] },
          // Lifecycle delays (mocks/profiles.yaml): decision deadline, own decision delay, contrat non commencé.
          delaiDecisionMaximal: duration,
          delaiDecision: duration,
          delaiAnnulationNonCommence: duration,
          clients: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['clientId', 'clientSecret'],
              properties: { clientId: { type: 'string', minLength: 1 }, clientSecret: { type: 'string', minLength: 1 } },
            },
          },
        },
      },
    },
    delais: {
      type: 'object',
      additionalProperties: false,
      properties: { instruction: duration, decision: duration, paiement: duration },
    },
    pageSize: { type: 'integer', minimum: 1, maximum: 1000 },
    cfas: { type: 'array', items: cfaSchema },
  },
} as const;

// Compiled on first use, not when the module loads: a start without --config never needs them (cold start).
let validators: { config: ValidateFunction; cfa: ValidateFunction } | undefined;
function compiled(): { config: ValidateFunction; cfa: ValidateFunction } {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true });
    validators = { config: ajv.compile(configSchema), cfa: ajv.compile(cfaSchema) };
  }
  return validators;
}

/** A config file or seed that cannot be used; the message names the file and the place. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
}

/** Validates a parsed config; `source` names it in messages (a file name, or "request body"). */
export function checkConfig(value: unknown, source: string): MockConfig {
  const validateConfig = compiled().config;
  if (!validateConfig(value)) throw new ConfigError(`${source}: ${describe(validateConfig.errors).join('; ')}`);
  const config = value as MockConfig;
  for (const [name, d] of Object.entries(config.delais ?? {})) {
    try {
      parseDuration(d as string);
    } catch {
      throw new ConfigError(`${source}: /delais/${name}: not an ISO 8601 duration (${String(d)})`);
    }
  }
  const sirets = new Set<string>();
  config.cfas.forEach((cfa, i) => {
    if (sirets.has(cfa.siret)) throw new ConfigError(`${source}: /cfas/${i}/siret: duplicate SIRET ${cfa.siret}`);
    sirets.add(cfa.siret);
  });
  return config;
}

export function checkCfas(value: unknown, source: string): CfaTenant[] {
  const list = Array.isArray(value) ? value : [value];
  const validateCfa = compiled().cfa;
  return list.map((cfa, i) => {
    if (!validateCfa(cfa)) throw new ConfigError(`${source}: /${i}${describe(validateCfa.errors).join(`; /${i}`)}`);
    return cfa as CfaTenant;
  });
}

/** Reads and validates a YAML (or JSON) config file; every failure is a ConfigError naming the file. */
export function loadMockConfig(file: string): MockConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}: ` : '';
    throw new ConfigError(`${file}: ${where}${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  return checkConfig(value, file);
}

/** Finds the CFA owning an API key at an OPCO. Keys are compared whole; the table is rebuilt when tenants change. */
export class TenantRegistry {
  private byKey = new Map<string, CfaTenant>();
  private bySiret = new Map<string, CfaTenant>();

  constructor(cfas: CfaTenant[]) {
    for (const cfa of cfas) this.add(cfa);
  }

  add(cfa: CfaTenant): void {
    const previous = this.bySiret.get(cfa.siret);
    if (previous) for (const [opco, key] of Object.entries(previous.keys)) this.byKey.delete(`${opco}\u0000${key}`);
    this.bySiret.set(cfa.siret, cfa);
    for (const [opco, key] of Object.entries(cfa.keys)) this.byKey.set(`${opco}\u0000${key}`, cfa);
  }

  findByKey(opco: string, key: string): CfaTenant | undefined {
    return this.byKey.get(`${opco}\u0000${key}`) ?? this.byKey.get(`*\u0000${key}`);
  }

  all(): CfaTenant[] {
    return [...this.bySiret.values()];
  }

  sirets(): string[] {
    return [...this.bySiret.keys()];
  }
}
