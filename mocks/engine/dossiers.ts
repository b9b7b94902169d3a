// Dossier operations of the mock OPCO: deposit (rules, duplicates, decision), read, listings, appairage, rupture.
import type { Cerfa } from '../../conformance/model/payloads.js';
import type { RuleContext } from '../../conformance/rules/rule.js';
import { plafondMajorationRQTH } from '../../conformance/financing/index.js';
import { isoDay } from '../clock.js';
import { MockProblem } from '../errors.js';
import type { Decision, DossierRecord } from '../store/types.js';
import type { EngineContext, OperationInput, OperationResult } from './context.js';
import { planApresRupture, planEcheances, totalPlan, type EcheancierInput } from './financing.js';
import { npecFor, rncpInactifs } from './referentiel.js';
import { blocking, runRules, toNormErrors } from './rules.js';
import { dossierLu, dossierLuJson, dossierState, echeancesAt, etatDossier, type CerfaText, type DossierMeta } from './views.js';
import { isBroken, withoutIgnored } from '../variants/index.js';
import { cinquanteCinquante, numeroDecaInvalide } from '../variants/behaviours.js';

/** Areas whose blocking failures make the deposit itself fail (400); `eligibilite` failures lead to REFUSE later. */
export const PAYLOAD_AREAS = ['identifiants', 'cerfa', 'coherence'] as const;
export const ELIGIBILITY_AREA = 'eligibilite';

/** The FAQ's duplicate key, compared exactly: differently spelled names or swapped nom/prénom are not detected. */
export function identityKey(parts: { nom: string; prenom: string; dateNaissance: string; siret: string; dateDebutContrat: string }): string {
  return [parts.nom, parts.prenom, parts.dateNaissance.slice(0, 10), parts.siret, parts.dateDebutContrat.slice(0, 10)].join('|');
}

const cerfaIdentity = (cerfa: Cerfa): string =>
  identityKey({
    nom: cerfa.apprenti.nom,
    prenom: cerfa.apprenti.prenom,
    dateNaissance: cerfa.apprenti.dateNaissance,
    siret: cerfa.employeur.siret,
    dateDebutContrat: cerfa.contrat.dateDebutContrat,
  });

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function unknownDossier(ctx: EngineContext, numeroInterne: string, champ = 'numeroInterne'): MockProblem {
  return new MockProblem('DOSSIER_INCONNU', `Aucun dossier de numéro interne « ${numeroInterne} » pour ce CFA`, [
    { code: 'DOSSIER_INCONNU', description: "Le dossier n'est pas connu de l'OPCO", champ },
  ], { status: ctx.profile.unknownNumeroInterneStatus });
}

/** DECA number: department (3) + year (4) + month (2) + `NC` + sequence (4), research §3.4. */
function numeroDeca(cerfa: Cerfa, sequence: number): string {
  const adresse = cerfa.employeur.adresse;
  const cp = adresse.codePostal ?? '';
  let dept = adresse.departement ?? (cp.startsWith('97') ? cp.slice(0, 3) : cp.slice(0, 2));
  if (!/^(\d{2,3}|2[AB])$/.test(dept)) dept = '75';
  const debut = cerfa.contrat.dateDebutContrat;
  return `${dept.padStart(3, '0')}${debut.slice(0, 4)}${debut.slice(5, 7)}NC${String(sequence % 10_000).padStart(4, '0')}`;
}

function echeancierInput(ctx: EngineContext, cerfa: Cerfa): EcheancierInput {
  const npec = npecFor(ctx.referentiel, cerfa.formation.rncp, cerfa.formation.codeDiplome);
  return {
    dateConclusion: cerfa.contrat.dateConclusion,
    dateDebutContrat: cerfa.contrat.dateDebutContrat,
    dateFinContrat: cerfa.contrat.dateFinContrat,
    npecAnnuel: npec.montant,
    majorationRQTHAnnuelle: cerfa.apprenti.handicap ? (plafondMajorationRQTH(cerfa.contrat.dateConclusion) ?? ctx.referentiel.majorationRQTH) : 0,
    heuresDistanciel: cerfa.formation.nombreHeuresEnDistanciel,
    heuresFormation: cerfa.formation.dureeFormation,
    iban: ctx.tenant.iban,
    siret: ctx.tenant.siret,
  };
}

/**
 * What the OPCO knows when it judges a CERFA: today on its clock, the inactive RNCP codes of its référentiel and
 * the CFA whose key sent it.
 */
export function contexteDepot(ctx: EngineContext): RuleContext {
  return { today: isoDay(ctx.clock.now()), rncpInactifs: rncpInactifs(ctx.referentiel), siretCfa: ctx.tenant.siret };
}

/**
 * Judges a deposit against the rule catalogue, then returns the write to run in the queue. Judging reads no store,
 * so it runs before the queue: rule evaluation and rejected payloads do not hold up other writes.
 */
export function preparerDepot(ctx: EngineContext, input: OperationInput): () => Promise<OperationResult> {
  const cerfa = input.body as Cerfa;
  const findings = withoutIgnored(ctx, runRules(cerfa, 'cerfa', contexteDepot(ctx)));
  const payloadFailures = blocking(findings).filter((f) => f.rule.area !== ELIGIBILITY_AREA);
  if (payloadFailures.length > 0) {
    throw new MockProblem(
      'DOSSIER_REJETE',
      `Le dossier est rejeté : ${payloadFailures.length} règle(s) bloquante(s) non respectée(s)`,
      toNormErrors(payloadFailures),
    );
  }
  return () => enregistrerDepot(ctx, cerfa, findings);
}

export async function deposerDossier(ctx: EngineContext, input: OperationInput): Promise<OperationResult> {
  return preparerDepot(ctx, input)();
}

async function enregistrerDepot(ctx: EngineContext, cerfa: Cerfa, findings: ReturnType<typeof runRules>): Promise<OperationResult> {
  const now = ctx.clock.now();
  const existing = await ctx.store.getDossier(ctx.scope, cerfa.numeroInterne);
  if (existing) {
    throw new MockProblem('DOSSIER_DEJA_CONNU', `Le numéro interne « ${cerfa.numeroInterne} » a déjà été transmis`, [
      { code: 'DOSSIER_DEJA_CONNU', description: 'Un dossier portant ce numéro interne est déjà connu', champ: 'numeroInterne' },
    ]);
  }

  const key = cerfaIdentity(cerfa);
  const twins = (await ctx.store.findByIdentity(ctx.scope, key)).filter((d) => d.decision.etat !== 'ANNULE');
  const numeroExterne = `${ctx.scope.opco.toUpperCase()}-${now.getUTCFullYear()}-${String(await ctx.store.nextCounter(`dossier:${ctx.scope.opco}`)).padStart(6, '0')}`;
  let decision: Decision;
  const ineligible = blocking(findings, [ELIGIBILITY_AREA]);
  if (twins[0]) {
    decision = {
      etat: 'ANNULE',
      step: 'instruction',
      commentaireEtat: `Doublon du dossier ${twins[0].numeroExterne}`,
      numeroDeca: null,
      engagement: null,
      echeances: [],
      engagementsFraisAnnexe: [],
    };
  } else if (ineligible.length > 0) {
    decision = {
      etat: 'REFUSE',
      step: 'decision',
      commentaireEtat: `Refusé : ${ineligible.map((f) => f.rule.title).join(' ; ')}`,
      numeroDeca: null,
      engagement: null,
      echeances: [],
      engagementsFraisAnnexe: [],
    };
  } else {
    const plan = planEcheances(echeancierInput(ctx, cerfa));
    const echeances = isBroken(ctx, 'echeancier-cinquante-cinquante') ? cinquanteCinquante(plan) : plan;
    const sequence = await ctx.store.nextCounter(`deca:${ctx.scope.opco}`);
    decision = {
      etat: 'ENGAGE',
      step: 'decision',
      commentaireEtat: null,
      numeroDeca: isBroken(ctx, 'engage-sans-deca')
        ? null
        : isBroken(ctx, 'deca-format-invalide')
          ? numeroDecaInvalide(sequence)
          : numeroDeca(cerfa, sequence),
      engagement: totalPlan(echeances),
      echeances,
      engagementsFraisAnnexe: [],
    };
  }
  const record: DossierRecord = {
    ...ctx.scope,
    numeroInterne: cerfa.numeroInterne,
    numeroExterne,
    identityKey: key,
    receivedAt: now.toISOString(),
    cerfa,
    decision,
    rupture: null,
    allocations: [],
  };
  await ctx.store.putDossier(record);
  return { status: 201, body: { numeroInterne: cerfa.numeroInterne, numeroExterne, etat: 'TRANSMIS' } };
}

const view = (ctx: EngineContext, record: DossierRecord) => dossierLu(record, ctx.clock.now(), ctx.delais, ctx.profile, ctx.tenant.iban, ctx.referentiel.plafondFraisPremierEquipement);

export async function lireDossier(ctx: EngineContext, input: OperationInput): Promise<OperationResult> {
  const numeroInterne = single(input.query.numeroInterne) ?? '';
  let record = await ctx.store.getDossier(ctx.scope, numeroInterne);
  if (!record && isBroken(ctx, 'isolation-dossier-rompue')) {
    for (const cfa of ctx.siretsConnus) record ??= await ctx.store.getDossier({ opco: ctx.scope.opco, cfa }, numeroInterne);
  }
  if (!record && isBroken(ctx, 'dossier-inconnu-200-vide')) return { status: 200, body: '' };
  if (!record) throw unknownDossier(ctx, numeroInterne);
  return { status: 200, body: view(ctx, record) };
}

/** A store that can hand a dossier's CERFA over as its stored text (the SQLite store). */
interface SplitReader {
  readDossierSplit(scope: { opco: string; cfa: string }, numeroInterne: string): { meta: DossierMeta; cerfa: CerfaText } | { record: DossierRecord } | undefined;
}

/**
 * The lean path's read (mocks/fast-path.ts): the body `lireDossier` answers for a known dossier, already serialised
 * (`JSON.stringify` of it, byte for byte); `undefined` when the dossier is not found, for `lireDossier` to answer.
 * Only for the conformant mock (no broken variant changes a found dossier's read).
 */
export function lireDossierJson(ctx: EngineContext, numeroInterne: string): string | undefined {
  const store = ctx.store as EngineContext['store'] & Partial<SplitReader>;
  if (!store.readDossierSplit) return undefined;
  const found = store.readDossierSplit(ctx.scope, numeroInterne);
  if (!found) return undefined;
  if ('record' in found) return JSON.stringify(view(ctx, found.record));
  return dossierLuJson(found.meta, found.cerfa, ctx.clock.now(), ctx.delais, ctx.profile, ctx.tenant.iban, ctx.referentiel.plafondFraisPremierEquipement);
}

function pageNumber(input: OperationInput): number {
  const raw = single(input.query.numeroPage) ?? '1';
  const page = Number(raw);
  if (!Number.isInteger(page) || page < 1) {
    throw new MockProblem('REQUETE_INVALIDE', 'numeroPage doit être un entier supérieur ou égal à 1', [
      { code: 'REQUETE_INVALIDE', description: 'numeroPage doit être un entier supérieur ou égal à 1', champ: 'numeroPage' },
    ]);
  }
  return page;
}

export async function etatsDossiers(ctx: EngineContext, input: OperationInput): Promise<OperationResult> {
  const page = pageNumber(input);
  let { total, items } = await ctx.store.listDossiers(ctx.scope, (page - 1) * ctx.pageSize, ctx.pageSize);
  if (isBroken(ctx, 'isolation-etats-rompue')) {
    const everyone = [];
    for (const cfa of ctx.siretsConnus) everyone.push(...(await ctx.store.allDossiers({ opco: ctx.scope.opco, cfa })));
    total = everyone.length;
    items = everyone.slice((page - 1) * ctx.pageSize, page * ctx.pageSize);
  }
  if (isBroken(ctx, 'pagination-total-faux')) total += 1;
  const now = ctx.clock.now();
  return {
    status: 200,
    body: { total, count: items.length, page, EtatDossierResult: items.map((r) => etatDossier(r, now, ctx.delais, ctx.profile)) },
  };
}

export async function listeDossiers(ctx: EngineContext, input: OperationInput): Promise<OperationResult> {
  const raw = input.query.numerosInternes;
  const numeros = (Array.isArray(raw) ? raw : [raw ?? '']).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const found: unknown[] = [];
  for (const numero of numeros) {
    const record = await ctx.store.getDossier(ctx.scope, numero);
    if (record) found.push(view(ctx, record));
  }
  return { status: 200, body: found };
}

export async function appairage(ctx: EngineContext, input: OperationInput): Promise<OperationResult> {
  const q = (name: string): string => single(input.query[name]) ?? '';
  const key = identityKey({
    nom: q('nom'),
    prenom: q('prenom'),
    dateNaissance: q('dateNaissance'),
    siret: q('siretEmployeur'),
    dateDebutContrat: q('dateDebutContrat'),
  });
  const records = await ctx.store.findByIdentity(ctx.scope, key);
  return { status: 200, body: records.map((r) => view(ctx, r)) };
}

export async function ruptureEmployeur(ctx: EngineContext, input: OperationInput): Promise<OperationResult> {
  const body = input.body as { numeroInterne: string; dateRupture: string };
  const record = await ctx.store.getDossier(ctx.scope, body.numeroInterne);
  if (!record) throw unknownDossier(ctx, body.numeroInterne);
  const now = ctx.clock.now();
  const { etat } = dossierState(record, now, ctx.delais, ctx.profile);
  if (etat !== 'ENGAGE') {
    throw new MockProblem('ETAT_INCOMPATIBLE', `Une rupture ne peut être déclarée que sur un dossier engagé (état actuel : ${etat})`, [
      { code: 'ETAT_INCOMPATIBLE', description: `Le dossier est à l'état ${etat}`, champ: 'numeroInterne' },
    ]);
  }
  const { dateDebutContrat, dateFinContrat } = record.cerfa.contrat;
  const dateRupture = body.dateRupture.slice(0, 10);
  if (dateRupture < dateDebutContrat.slice(0, 10) || dateRupture > dateFinContrat.slice(0, 10)) {
    throw new MockProblem('REQUETE_INVALIDE', 'La date de rupture doit être comprise entre le début et la fin du contrat', [
      { code: 'DATE_RUPTURE_HORS_CONTRAT', description: 'La date de rupture doit être comprise entre le début et la fin du contrat', champ: 'dateRupture' },
    ]);
  }
  const echeances = isBroken(ctx, 'rupture-sans-prorata')
    ? record.decision.echeances
    : planApresRupture(echeancierInput(ctx, record.cerfa), dateRupture, echeancesAt(record, now));
  record.rupture = { dateRupture, declaredAt: now.toISOString(), echeances, engagement: totalPlan(echeances) };
  await ctx.store.putDossier(record);
  return { status: 200, body: view(ctx, record) };
}
