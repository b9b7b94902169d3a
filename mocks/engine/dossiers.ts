// Dossier operations of the mock OPCO: deposit (wire body, numeroInterne, rules, duplicates, decision), read, rupture.
import type { Cerfa } from '../../conformance/model/payloads.js';
import type { RuleContext } from '../../conformance/rules/rule.js';
import { lireDepotCerfa } from '../../conformance/model/depot-cerfa.js';
import { loadFinancementParams } from '../../conformance/financing/index.js';
import { isoDay } from '../clock.js';
import { MockProblem } from '../errors.js';
import type { Decision, DossierRecord } from '../store/types.js';
import type { EngineContext, OperationInput, OperationResult } from './context.js';
import { echeancierInput, planApresRupture, planEcheances, totalPlan } from './financing.js';
import { identityKey, single, vueDossier } from './listes.js';
import { cerfaReecrit } from './particularites.js';
import { rncpInactifs } from './referentiel.js';
import { blocking, constatsContratPrecedent, contexteReferentiel, runRules, toNormErrors, type Finding } from './rules.js';
import { dossierLuJson, dossierState, echeancesAt, type CerfaText, type DossierMeta, type DossierSuivi, type SuiviCycle } from './views.js';

export { appairage, etatsDossiers, identityKey, listeDossiers } from './listes.js';

/** Areas whose blocking failures make the deposit itself fail (400); `eligibilite` failures lead to REFUSE later. */
export const PAYLOAD_AREAS = ['identifiants', 'cerfa', 'coherence'] as const;
export const ELIGIBILITY_AREA = 'eligibilite';

/**
 * The numbers the OPCO assigns to a deposit that carries none: `OPCO-` and a sequence of 6 digits, per CFA and
 * OPCO, skipping any number the CFA already used itself. A deposit without a number is judged with this form.
 */
export const PREFIXE_NUMERO_ATTRIBUE = 'OPCO-';
const NUMERO_A_ATTRIBUER = `${PREFIXE_NUMERO_ATTRIBUE}000000`;

const cerfaIdentity = (cerfa: Cerfa): string =>
  identityKey({
    nom: cerfa.apprenti.nom,
    prenom: cerfa.apprenti.prenom,
    dateNaissance: cerfa.apprenti.dateNaissance,
    siret: cerfa.employeur.siret,
    dateDebutContrat: cerfa.contrat.dateDebutContrat,
  });

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

/**
 * What the OPCO knows when it judges a CERFA: today on its clock, the inactive and non-eligible RNCP codes of its
 * référentiel, the SIRENE establishments of the CERFA's SIRETs, and the CFA whose key sent it.
 */
export function contexteDepot(ctx: EngineContext, cerfa?: Cerfa): RuleContext {
  return { today: isoDay(ctx.clock.now()), rncpInactifs: rncpInactifs(ctx.referentiel), siretCfa: ctx.tenant.siret, ...contexteReferentiel(ctx.referentiel, cerfa) };
}

const vide = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The deposit's CERFA (dates cut to their date part, numeroInterne where it travelled) and whether the OPCO must
 * assign the number: the body is the wire's `{"cerfa": …}`, with the number in `cerfa`, at the root, or nowhere.
 */
export function lireDepot(body: unknown): { cerfa: Cerfa; attribuer: boolean } {
  const depot = lireDepotCerfa(body);
  if (!depot.enveloppe) {
    throw new MockProblem('REQUETE_INVALIDE', 'Le CERFA se transmet dans le membre « cerfa » du corps', [
      { code: 'CHAMP_OBLIGATOIRE', description: 'Le champ cerfa est obligatoire', champ: 'cerfa' },
    ]);
  }
  // A blank number in `cerfa` beside a real one at the root is no conflict: the root's is the number.
  if (depot.conflit && vide(depot.conflit.cerfa)) return { cerfa: { ...depot.cerfa, numeroInterne: depot.conflit.racine }, attribuer: false };
  if (depot.conflit) {
    const { cerfa, racine } = depot.conflit;
    const description = `Deux numéros internes différents : « ${cerfa} » dans cerfa, « ${racine} » à la racine`;
    throw new MockProblem('REQUETE_INVALIDE', description, [{ code: 'NUMERO_INTERNE_CONTRADICTOIRE', description, champ: 'numeroInterne' }]);
  }
  const racine = (body as { numeroInterne?: unknown }).numeroInterne;
  const attribuer = vide(depot.cerfa.numeroInterne) && vide(racine);
  return { cerfa: attribuer ? { ...depot.cerfa, numeroInterne: NUMERO_A_ATTRIBUER } : depot.cerfa, attribuer };
}

/**
 * Judges a deposit against the rule catalogue, then returns the write to run in the queue. Judging reads no store,
 * so it runs before the queue: rule evaluation and rejected payloads do not hold up other writes.
 */
export function preparerDepot(ctx: EngineContext, input: OperationInput): () => Promise<OperationResult> {
  const { cerfa, attribuer } = lireDepot(input.body);
  // Judged wrapped, as it came: violation paths name the body's members (`cerfa.apprenti.nir`).
  const findings = ctx.comportement.constats(runRules({ cerfa }, 'cerfa', contexteDepot(ctx, cerfa)));
  const payloadFailures = blocking(findings).filter((f) => f.rule.area !== ELIGIBILITY_AREA);
  if (payloadFailures.length > 0) {
    throw new MockProblem(
      'DOSSIER_REJETE',
      `Le dossier est rejeté : ${payloadFailures.length} règle(s) bloquante(s) non respectée(s)`,
      toNormErrors(payloadFailures),
    );
  }
  // Warnings (an unknown member, …) do not stop the deposit; the answer is the usual 2xx.
  return () => enregistrerDepot(ctx, cerfa, findings, attribuer);
}

export async function deposerDossier(ctx: EngineContext, input: OperationInput): Promise<OperationResult> {
  return preparerDepot(ctx, input)();
}

/** The next number the OPCO assigns to this CFA (see PREFIXE_NUMERO_ATTRIBUE); never one already in use. */
async function numeroAttribue(ctx: EngineContext): Promise<string> {
  for (;;) {
    const sequence = await ctx.store.nextCounter(`numeroInterne:${ctx.scope.opco}:${ctx.scope.cfa}`);
    const numero = `${PREFIXE_NUMERO_ATTRIBUE}${String(sequence).padStart(6, '0')}`;
    if (!(await ctx.store.getDossier(ctx.scope, numero))) return numero;
  }
}

/**
 * The lifecycle deadlines fixed at deposit from the OPCO's profile (mocks/profiles.yaml): the decision deadline whose
 * silence is a refusal (CDV-15/16) and the delay after which a contract with no sign of execution is cancelled (seed
 * 003 "contrat non commencé"). A broken variant may drop either.
 */
function suiviCycle(ctx: EngineContext, cerfa: Cerfa): SuiviCycle {
  return {
    dateDebutContrat: cerfa.contrat.dateDebutContrat.slice(0, 10),
    delaiDecisionMaximal: ctx.comportement.silenceVautRefus ? (ctx.profile.delaiDecisionMaximal ?? null) : null,
    delaiNonCommence: ctx.comportement.annulationNonCommence ? (ctx.profile.delaiAnnulationNonCommence ?? null) : null,
  };
}

/**
 * A contract concluded before the first échéancier regime (2020-01-01) is deposited and engaged like any other: seed
 * 003 restricts only its invoicing through the API (facture-contrat-conclu-depuis-2020, FAQ « Tous les contrats
 * peuvent-ils être facturés ? »). Its schedule, shown for reading, is the first regime's, as if concluded on that
 * regime's first day [I: no public source gives a schedule for such a contract through the norm].
 */
export function ordonnancable<T extends { dateConclusion: string }>(input: T): T {
  const premier = loadFinancementParams().regimes[0]?.dateDebut;
  return premier !== undefined && input.dateConclusion.slice(0, 10) < premier ? { ...input, dateConclusion: premier } : input;
}

function decisionSans(etat: 'ANNULE' | 'REFUSE', step: Decision['step'], commentaireEtat: string): Decision {
  return { etat, step, commentaireEtat, numeroDeca: null, engagement: null, echeances: [], engagementsFraisAnnexe: [] };
}

async function enregistrerDepot(ctx: EngineContext, judged: Cerfa, findings: Finding[], attribuer: boolean): Promise<OperationResult> {
  const now = ctx.clock.now();
  let cerfa = judged;
  if (attribuer) {
    const { numeroInterne: _provisoire, ...reste } = judged;
    cerfa = { numeroInterne: await numeroAttribue(ctx), ...reste };
  }
  const numeroInterne = cerfa.numeroInterne as string;
  const connu = await ctx.store.getDossier(ctx.scope, numeroInterne);
  // redepot-accepte: the twin is answered as a first deposit (the stored dossier is left as it is).
  if (connu && ctx.comportement.redepotAccepte) return { status: ctx.profile.depotStatus, body: { numeroInterne, numeroExterne: connu.numeroExterne, etat: 'TRANSMIS' } };
  if (connu) {
    throw new MockProblem('DOSSIER_DEJA_CONNU', `Le numéro interne « ${numeroInterne} » a déjà été transmis`, [
      { code: 'DOSSIER_DEJA_CONNU', description: 'Un dossier portant ce numéro interne est déjà connu', champ: 'numeroInterne' },
    ]);
  }

  const key = cerfaIdentity(cerfa);
  const twins = (await ctx.store.findByIdentity(ctx.scope, key)).filter((d) => d.decision.etat !== 'ANNULE');
  const numeroExterne = `${ctx.scope.opco.toUpperCase()}-${now.getUTCFullYear()}-${String(await ctx.store.nextCounter(`dossier:${ctx.scope.opco}`)).padStart(6, '0')}`;
  let decision: Decision;
  // The successive-contract rules (ELIG-19, REM-12) read the apprentice's previous contract in the store, here.
  const ineligible = blocking([...findings, ...(await constatsContratPrecedent(ctx, cerfa, contexteDepot(ctx, cerfa)))], [ELIGIBILITY_AREA]);
  if (twins[0]) {
    decision = decisionSans('ANNULE', 'instruction', `Doublon du dossier ${twins[0].numeroExterne}`);
  } else if (ineligible.length > 0) {
    decision = decisionSans('REFUSE', 'decision', `Refusé : ${ineligible.map((f) => f.rule.title).join(' ; ')}`);
  } else {
    const echeances = ctx.comportement.echeances(planEcheances(ordonnancable(echeancierInput(ctx, cerfa))));
    const sequence = await ctx.store.nextCounter(`deca:${ctx.scope.opco}`);
    decision = {
      etat: 'ENGAGE',
      step: 'decision',
      commentaireEtat: null,
      numeroDeca: ctx.comportement.numeroDeca(numeroDeca(cerfa, sequence), sequence),
      engagement: totalPlan(echeances),
      echeances,
      engagementsFraisAnnexe: [],
    };
  }
  const record: DossierSuivi = {
    ...ctx.scope,
    numeroInterne,
    numeroExterne,
    identityKey: key,
    receivedAt: now.toISOString(),
    cerfa,
    decision,
    rupture: null,
    allocations: [],
    cycle: suiviCycle(ctx, cerfa),
  };
  await ctx.store.putDossier(record);
  return { status: ctx.profile.depotStatus, body: { numeroInterne, numeroExterne, etat: 'TRANSMIS' } };
}

export async function lireDossier(ctx: EngineContext, input: OperationInput): Promise<OperationResult> {
  const numeroInterne = single(input.query.numeroInterne) ?? '';
  let record = await ctx.store.getDossier(ctx.scope, numeroInterne);
  if (!record && ctx.comportement.lireDossiersAutresCfa) {
    for (const cfa of ctx.siretsConnus) record ??= await ctx.store.getDossier({ opco: ctx.scope.opco, cfa }, numeroInterne);
  }
  if (!record && ctx.comportement.dossierInconnuVide) return { status: 200, body: '' };
  if (!record) throw unknownDossier(ctx, numeroInterne);
  return { status: 200, body: vueDossier(ctx, record) };
}

/** A store that can hand a dossier's CERFA over as its stored text (the SQLite store). */
interface SplitReader {
  readDossierSplit(scope: { opco: string; cfa: string }, numeroInterne: string): { meta: DossierMeta; cerfa: CerfaText } | { record: DossierRecord } | undefined;
}

/**
 * The lean path's read (mocks/fast-path.ts): the body `lireDossier` answers for a known dossier, already serialised
 * (`JSON.stringify` of it, byte for byte); `undefined` when the dossier is not found, for `lireDossier` to answer.
 * Only for the conformant mock (no broken variant changes a found dossier's read). The stored CERFA's text is
 * spliced in when the profile keeps it as stored; a profile that rewrites it (dates, employeurV2) parses it.
 */
export function lireDossierJson(ctx: EngineContext, numeroInterne: string): string | undefined {
  const store = ctx.store as EngineContext['store'] & Partial<SplitReader>;
  if (!store.readDossierSplit) return undefined;
  const found = store.readDossierSplit(ctx.scope, numeroInterne);
  if (!found) return undefined;
  if ('record' in found) return JSON.stringify(vueDossier(ctx, found.record));
  if (cerfaReecrit(ctx.profile)) return JSON.stringify(vueDossier(ctx, { ...found.meta, cerfa: JSON.parse(found.cerfa.text) as Cerfa }));
  return dossierLuJson(found.meta, found.cerfa, ctx.clock.now(), ctx.delais, ctx.profile, ctx.tenant.iban, ctx.referentiel.plafondFraisPremierEquipement);
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
  const echeances = ctx.comportement.ruptureSansProrata
    ? record.decision.echeances
    : ctx.comportement.echeancesRupture(planApresRupture(ordonnancable(echeancierInput(ctx, record.cerfa)), dateRupture, echeancesAt(record, now)), record.decision.echeances, dateRupture);
  record.rupture = { dateRupture, declaredAt: now.toISOString(), echeances, engagement: totalPlan(echeances) };
  await ctx.store.putDossier(record);
  return { status: 200, body: vueDossier(ctx, record) };
}
