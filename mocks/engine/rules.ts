// Runs the one rule catalogue through the conformance engine for the mock, and turns blocking failures into the norm's error items.
import { createEvaluator, type Evaluator } from '../../conformance/engine/evaluate.js';
import { ruleCode, type Rule, type RuleContext, type RuleResult } from '../../conformance/rules/rule.js';
import type { Cerfa, DepotCerfa, PayloadByKind, PayloadKind } from '../../conformance/model/payloads.js';
import type { DossierLu } from '../../conformance/model/dossier.js';
import { sireneDuCerfa } from '../../conformance/model/sirene.js';
import { besoinContratPrecedent } from '../../conformance/rules/eligibilite/contrat-precedent.js';
import type { NormError } from '../errors.js';
import type { EngineContext } from './context.js';
import { rncpNonEligibles, type Referentiel } from './referentiel.js';
import { dossierLu } from './views.js';

export interface Finding {
  rule: Rule<any>;
  result: RuleResult;
}

let evaluator: Evaluator | undefined;

/**
 * Every applicable rule's result; a rule that throws is an `error` outcome (engine), never a failed request. A
 * CERFA may be the wire's `{"cerfa": …}` (the engine unwraps it and prefixes violation paths with `cerfa.`).
 */
export function runRules<K extends PayloadKind>(payload: PayloadByKind[K] | (K extends 'cerfa' ? DepotCerfa : never), kind: K, context: RuleContext): Finding[] {
  evaluator ??= createEvaluator();
  const findings: Finding[] = [];
  // Every payload reaching the engine passed the spec's request schema (mocks/http/validate.ts answered 400 otherwise).
  const judged: RuleContext = context.erreursSchema === undefined ? { ...context, erreursSchema: [] } : context;
  evaluator.run(payload, kind, judged, (rule, result) => findings.push({ rule, result }));
  return findings;
}

/** Blocking failures of the given areas (all areas when omitted). */
export function blocking(findings: Finding[], areas?: readonly string[]): Finding[] {
  return findings.filter(
    (f) => f.result.outcome === 'fail' && f.rule.severity === 'bloquant' && (!areas || areas.includes(f.rule.area)),
  );
}

/** One norm error per violation: the rule's code, its French message, the field. */
export function toNormErrors(findings: Finding[]): NormError[] {
  return findings.flatMap(({ rule, result }) =>
    result.outcome === 'fail'
      ? result.violations.map((v) => ({ code: ruleCode(rule), description: v.message ?? rule.title, champ: v.path }))
      : [],
  );
}

/**
 * What the OPCO's référentiel adds to the context a CERFA is judged with: the RNCP certifications not eligible to
 * apprenticeship, and the SIRENE establishments of the CERFA's SIRETs only (the sample's, mocks/data/sirene.yaml),
 * so that a recorded context stays small. Without a CERFA, the SIRENE part is left out.
 */
export function contexteReferentiel(ref: Referentiel, cerfa?: Cerfa): Pick<RuleContext, 'rncpNonEligibles' | 'sirene'> {
  return {
    rncpNonEligibles: rncpNonEligibles(ref),
    ...(ref.sirene && cerfa ? { sirene: sireneDuCerfa(ref.sirene, cerfa) } : {}),
  };
}

/** Rules that judge a successive contract against the previous one the OPCO holds (RuleContext.dossiers). */
export const REGLES_CONTRAT_PRECEDENT: readonly string[] = ['eligibilite-contrat-successif-delai', 'eligibilite-remuneration-contrat-precedent'];

const nir13 = (value: unknown): string | undefined => (typeof value === 'string' && value.length >= 13 ? value.slice(0, 13) : undefined);

/**
 * The OPCO's dossiers of an earlier contract of a successive CERFA's apprentice: the one whose DECA number the CERFA
 * names (contrat.numeroContratPrecedent) or any of the same NIR, at this OPCO, whichever CFA sent it (an apprentice
 * may change CFA). Read as the norm's read model. Only when a rule may need them (a same-employer succession, or the
 * successive-contract age exception): otherwise none, and no store read (a scan of the OPCO's dossiers).
 */
export async function contratsPrecedents(ctx: EngineContext, cerfa: Cerfa): Promise<DossierLu[]> {
  if (!besoinContratPrecedent(cerfa)) return [];
  const numero = typeof cerfa.contrat.numeroContratPrecedent === 'string' ? cerfa.contrat.numeroContratPrecedent.trim().toUpperCase() : '';
  const nir = nir13(cerfa.apprenti?.nir);
  if (numero === '' && nir === undefined) return [];
  const now = ctx.clock.now();
  const found: DossierLu[] = [];
  for (const cfa of new Set([ctx.scope.cfa, ...ctx.siretsConnus])) {
    for (const record of await ctx.store.allDossiers({ opco: ctx.scope.opco, cfa })) {
      if (record.numeroInterne === cerfa.numeroInterne && cfa === ctx.scope.cfa) continue;
      const memeContrat = numero !== '' && record.decision.numeroDeca?.toUpperCase() === numero;
      if (!memeContrat && (nir === undefined || nir13(record.cerfa.apprenti?.nir) !== nir)) continue;
      found.push(dossierLu(record, now, ctx.delais, ctx.profile, ctx.tenant.iban, ctx.referentiel.plafondFraisPremierEquipement));
    }
  }
  return found;
}

/**
 * At the decision: the findings of the successive-contract rules (ELIG-19, REM-12) judged with the apprentice's
 * previous contracts from the store, through the variant's filter. The deposit's own judging reads no store, so
 * these rules skipped there; empty when the CERFA is no succession or the OPCO holds no earlier contract.
 */
export async function constatsContratPrecedent(ctx: EngineContext, cerfa: Cerfa, contexte: RuleContext): Promise<Finding[]> {
  const dossiers = await contratsPrecedents(ctx, cerfa);
  if (dossiers.length === 0) return [];
  const findings = runRules(cerfa, 'cerfa', { ...contexte, dossiers }).filter((f) => REGLES_CONTRAT_PRECEDENT.includes(f.rule.id));
  return ctx.comportement.constats(findings);
}
