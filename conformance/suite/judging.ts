// A scenario's exchanges recorded (secrets masked) and judged: every server rule, then the payload rules the step names.
import type { AttenteEchange, Echange } from '../model/payloads.js';
import { findRule } from '../rules/index.js';
import { serveurRules } from '../rules/serveur/index.js';
import { verdict, type Rule, type RuleResult } from '../rules/rule.js';
import { expectationViolations } from '../rules/serveur/support.js';
import { redactFields } from '../../reports/suite/scrub.js';
import { curlFor } from './curl.js';
import { reponseALaNorme, statutDuSchema } from './particularites.js';
import { noteRenvois, type Renvoi429 } from './retry.js';
import type { Scenario, Step } from './scenario.js';
import type { Response } from './transport.js';
import type { Judgement, RunOptions, StepRun, Target } from './types.js';

/** Rules a step names: its expectations' `regles`, plus the rule its body was planted with. */
export function rulesOfStep(step: Step): string[] {
  const ids = [...(step.expect?.regles ?? [])];
  if (step.request?.plant && !ids.includes(step.request.plant)) ids.push(step.request.plant);
  return ids;
}

/** Headers whose values are secrets: recorded masked, never sent again from a recorded exchange. */
export const SECRET = /^(x-api-key|authorization)$/i;
const mask = (value: string): string => (value.length <= 4 ? '••••' : `${value.slice(0, 4)}••••`);

export class JugeDesEchanges {
  /** The scenario's judgements, in the order they were made (the runner adds those of steps not played). */
  readonly judgements: Judgement[] = [];

  constructor(
    private readonly scenario: Scenario,
    private readonly target: Target,
    private readonly schemas: RunOptions['schemas'],
  ) {}

  /** The exchange as reports show it: secret headers masked, the answer's schema errors noted. */
  record(step: Step, method: string, path: string, headers: Record<string, string>, body: unknown, res: Response, expected: AttenteEchange | undefined): Echange {
    const shown = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, SECRET.test(k) ? mask(v) : v]));
    const errors = this.schemas.errors(method, path, statutDuSchema(method, path, res.status, this.target.particularites ?? {}), res.body);
    return {
      scenario: this.scenario.id,
      step: step.id,
      request: { method, path, headers: shown, ...(body !== undefined ? { body } : {}) },
      response: { status: res.status, headers: res.headers, ...(res.body !== undefined ? { body: res.body } : {}), ...(errors === undefined ? {} : { schemaErrors: errors }) },
      ...(expected ? { expected } : {}),
    };
  }

  /** Every server rule on the exchange (generic ones decide themselves whether they apply), then the payload rules the step names. */
  judge(step: Step, echange: Echange, text: string | undefined, waited = false, renvois?: Renvoi429[]): void {
    const url = `${this.target.url}${echange.request.path}`;
    const curl = curlFor(echange.request.method, url, echange.request.headers, text === undefined ? undefined : redactedText(text));
    const named = new Set(echange.expected?.regles ?? []);
    const extra = { ...(waited ? { waited } : {}), ...(renvois && renvois.length > 0 ? { renvois: noteRenvois(renvois) } : {}) };
    // Rules read a page wrapped in a one-element array as the page itself, declared or not (a leak stays visible);
    // the schema's verdict on the wrapping was taken on the answer as received (record → schemaErrors).
    const lu = codesALaNorme(pageDepliee(echange), this.target.recette?.codesVersLaNorme);
    for (const rule of serveurRules as Rule<'echange'>[]) {
      const result = safeCheck(rule, lu);
      if (result.outcome === 'not-applicable' && !named.has(rule.id)) continue;
      this.judgements.push({ ruleId: rule.id, scenario: this.scenario.id, step: step.id, result, echange, curl, url, ...extra });
    }
    for (const id of named) {
      const rule = findRule(id);
      if (!rule || rule.area === 'serveur') continue;
      // A payload rule judged through the server: the answer the step expects for a payload violating it.
      this.judgements.push({ ruleId: id, scenario: this.scenario.id, step: step.id, result: verdict(expectationViolations(lu)), echange, curl, url, ...extra });
    }
  }

  /** A played step passes when every rule it names passed on its exchanges. */
  stepOutcome(step: Step, status: number): Omit<StepRun, 'id' | 'durationMs'> {
    const mine = this.judgements.filter((j) => j.step === step.id && rulesOfStep(step).includes(j.ruleId));
    const failed = mine.find((j) => j.result.outcome === 'fail' || j.result.outcome === 'error');
    if (failed) return { outcome: failed.result.outcome === 'fail' ? 'fail' : 'error', status, reason: `règle ${failed.ruleId} en échec` };
    return { outcome: 'pass', status };
  }
}

/** A JSON body with its personal values masked by field name (a replay command must not carry names); other text as is. */
function redactedText(text: string): string {
  try {
    return JSON.stringify(redactFields(JSON.parse(text)));
  } catch {
    return text;
  }
}

function safeCheck(rule: Rule<'echange'>, echange: Echange): RuleResult {
  try {
    return rule.check(echange, {});
  } catch (error) {
    return { outcome: 'error', reason: `la règle a levé une exception : ${(error as Error).message}` };
  }
}

/** The exchange with a states page wrapped in a one-element array read as the page (what tolerant clients do). */
function pageDepliee(echange: Echange): Echange {
  const { method, path } = echange.request;
  const body = reponseALaNorme(method, path, echange.response.status, echange.response.body, { pageEtatsEnveloppeTableau: true });
  return body === echange.response.body ? echange : { ...echange, response: { ...echange.response, body } };
}

/** The exchange with the OPCO's own rejection codes read as the norm's they stand for (recette `codes`). */
function codesALaNorme(echange: Echange, codes: Record<string, string> | undefined): Echange {
  const body = echange.response.body as { errors?: unknown } | undefined;
  if (!codes || !body || typeof body !== 'object' || !Array.isArray(body.errors)) return echange;
  const errors = body.errors.map((e: unknown) => {
    const code = (e as { code?: unknown } | null)?.code;
    return typeof code === 'string' && Object.hasOwn(codes, code) ? { ...(e as object), code: codes[code] } : e;
  });
  return { ...echange, response: { ...echange.response, body: { ...body, errors } } };
}
