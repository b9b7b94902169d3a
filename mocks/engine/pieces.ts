// Conventions, certificats de réalisation and documents: judged by their rules, stored and linked to their dossier.
import { randomUUID } from 'node:crypto';
import type { Certificat, Convention } from '../../conformance/model/payloads.js';
import type { EngagementFraisAnnexe } from '../../conformance/model/dossier.js';
import { datesEnPartieDate } from '../../conformance/model/depot-cerfa.js';
import { engagerFraisAnnexes, FinancementError, type DemandeFraisAnnexe } from '../../conformance/financing/index.js';
import { MockProblem } from '../errors.js';
import type { PieceKind } from '../store/types.js';
import type { EngineContext, OperationInput, OperationResult } from './context.js';
import { factureContext } from './factures.js';
import { blocking, runRules, toNormErrors } from './rules.js';
import type { DossierSuivi } from './views.js';

async function requireDossier(ctx: EngineContext, numeroInterne: string, champ: string): Promise<void> {
  if (!(await ctx.store.getDossier(ctx.scope, numeroInterne))) {
    throw new MockProblem('DOSSIER_INCONNU', `Aucun dossier de numéro interne « ${numeroInterne} » pour ce CFA`, [
      { code: 'DOSSIER_INCONNU', description: "Le dossier n'est pas connu de l'OPCO", champ },
    ], { status: ctx.profile.unknownNumeroInterneStatus });
  }
}

async function store(ctx: EngineContext, kind: PieceKind, numeroInterneDossier: string | null, body: Record<string, unknown>): Promise<OperationResult> {
  const id = randomUUID();
  const receivedAt = ctx.clock.now().toISOString();
  await ctx.store.addPiece({ ...ctx.scope, kind, id, numeroInterneDossier, receivedAt, body });
  return { status: 201, body: { id, numeroInterneDossier, statut: 'RECU', dateReception: receivedAt } };
}

async function judged(ctx: EngineContext, kind: 'convention' | 'certificat', payload: Convention | Certificat): Promise<void> {
  await requireDossier(ctx, payload.numeroInterneDossier, 'numeroInterneDossier');
  const failures = blocking(runRules(payload, kind, await factureContext(ctx)));
  if (failures.length > 0) {
    throw new MockProblem('PIECE_REJETEE', `La pièce (${kind}) est rejetée : ${failures.length} règle(s) bloquante(s)`, toNormErrors(failures));
  }
}

/**
 * Frais annexes the OPCO commits from a convention's costs: meals and nights at the référentiel's unit prices, the
 * first equipment as asked, each capped by the financing library (caps in force at the contract's conclusion).
 */
function fraisDepuisConvention(ctx: EngineContext, couts: Convention['couts'], dateConclusion: string): EngagementFraisAnnexe[] {
  const prix = ctx.referentiel.prixFraisAnnexes;
  const demandes: DemandeFraisAnnexe[] = [];
  const positive = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;
  if (positive(couts?.nombreRepasTotaux)) demandes.push({ natureFrais: 'RESTAURATION', quantite: couts.nombreRepasTotaux, prixUnitaire: prix.RESTAURATION });
  if (positive(couts?.nombreHebergementTotaux)) demandes.push({ natureFrais: 'HEBERGEMENT', quantite: couts.nombreHebergementTotaux, prixUnitaire: prix.HEBERGEMENT });
  if (positive(couts?.montantPremierEquipement)) demandes.push({ natureFrais: 'PREMIER_EQUIPEMENT', quantite: 1, prixUnitaire: couts.montantPremierEquipement });
  try {
    return engagerFraisAnnexes(demandes, dateConclusion);
  } catch (error) {
    if (error instanceof FinancementError) return [];
    throw error;
  }
}

/** Conventions and certificats are judged and stored with their dates as `YYYY-MM-DD` (software sends date-times). */
export async function deposerConvention(ctx: EngineContext, input: OperationInput): Promise<OperationResult> {
  const convention = datesEnPartieDate(input.body) as Convention;
  await judged(ctx, 'convention', convention);
  const dossier = await ctx.store.getDossier(ctx.scope, convention.numeroInterneDossier);
  if (dossier) {
    dossier.fraisAnnexes = fraisDepuisConvention(ctx, convention.couts, dossier.cerfa.contrat.dateConclusion);
    await ctx.store.putDossier(dossier);
  }
  return store(ctx, 'convention', convention.numeroInterneDossier, convention as unknown as Record<string, unknown>);
}

/**
 * A certificat de réalisation attests the contract's execution: the first one received is noted on its dossier (a
 * contract with one is never cancelled as not started, views.ts) and it stands as service fait for later invoices.
 */
export async function deposerCertificat(ctx: EngineContext, input: OperationInput): Promise<OperationResult> {
  const certificat = datesEnPartieDate(input.body) as Certificat;
  await judged(ctx, 'certificat', certificat);
  const dossier = (await ctx.store.getDossier(ctx.scope, certificat.numeroInterneDossier)) as DossierSuivi | undefined;
  if (dossier?.cycle && dossier.cycle.executionConstateeLe === undefined) {
    dossier.cycle = { ...dossier.cycle, executionConstateeLe: ctx.clock.now().toISOString() };
    await ctx.store.putDossier(dossier);
  }
  return store(ctx, 'certificat', certificat.numeroInterneDossier, certificat as unknown as Record<string, unknown>);
}

interface DocumentBody {
  typeFichier?: string;
  objets?: { typeObjet?: string; idObjet?: string }[];
  [key: string]: unknown;
}

export async function deposerDocument(ctx: EngineContext, input: OperationInput): Promise<OperationResult> {
  const body = (input.body ?? {}) as DocumentBody;
  const objets = body.objets ?? [];
  let dossier: string | null = null;
  for (const [i, objet] of objets.entries()) {
    if (objet.typeObjet === 'dossier' && objet.idObjet) {
      await requireDossier(ctx, objet.idObjet, `objets[${i}].idObjet`);
      dossier ??= objet.idObjet;
    }
  }
  return store(ctx, 'document', dossier, body);
}
