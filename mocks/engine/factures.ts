// Invoice operations of the mock OPCO: deposit judged by the facturation rules in full context, payment on the clock.
import { randomUUID } from 'node:crypto';
import type { Certificat, Facture } from '../../conformance/model/payloads.js';
import type { RuleContext } from '../../conformance/rules/rule.js';
import { datesEnPartieDate } from '../../conformance/model/depot-cerfa.js';
import { addDuration, isoDay } from '../clock.js';
import { MockProblem, type NormError } from '../errors.js';
import type { FactureRecord } from '../store/types.js';
import type { EngineContext, OperationInput, OperationResult } from './context.js';
import { blocking, runRules, toNormErrors } from './rules.js';
import { natureEnCode, pageSelonProfil } from './particularites.js';
import { dossierLu, etatFacture } from './views.js';

/**
 * The context the facturation rules judge with: this CFA's dossiers as read now (in the norm's form, whatever the
 * profile's quirks), its invoices, known SIRETs, the CFA whose key sent it, today.
 */
export async function factureContext(ctx: EngineContext): Promise<RuleContext> {
  const now = ctx.clock.now();
  const records = await ctx.store.allDossiers(ctx.scope);
  return {
    today: isoDay(now),
    dossiers: records.map((r) => dossierLu(r, now, ctx.delais, ctx.profile, ctx.tenant.iban, ctx.referentiel.plafondFraisPremierEquipement)),
    facturesConnues: await ctx.store.knownFactureNumbers(ctx.scope),
    siretsConnus: ctx.siretsConnus,
    siretCfa: ctx.tenant.siret,
  };
}

/**
 * The certificats de réalisation the OPCO holds for the dossiers an invoice names: sent alone (POST /certificats) or
 * embedded in an invoice it accepted (kept as a pièce then). A balance paid after service fait needs one (FIN-22).
 */
export async function certificatsRecus(ctx: EngineContext, facture: Facture): Promise<Certificat[]> {
  const numeros = new Set((Array.isArray(facture?.lignes) ? facture.lignes : []).map((l) => l?.numeroInterneDossier).filter((n): n is string => typeof n === 'string'));
  const certificats: Certificat[] = [];
  for (const numero of numeros) {
    for (const piece of await ctx.store.listPieces(ctx.scope, numero)) if (piece.kind === 'certificat') certificats.push(piece.body as Certificat);
  }
  return certificats;
}

/**
 * An invoice as the rules judge it: dates cut to their date part, frais annexes natures as codes whichever way the
 * CFA spelled them (`Restauration` or `RESTAURATION`, wire-format.md §2). Copied only where something changes.
 */
export function factureNormalisee(body: unknown): Facture {
  const facture = datesEnPartieDate(body) as Facture;
  if (!Array.isArray(facture?.lignes)) return facture;
  let lignes: Facture['lignes'] | undefined;
  facture.lignes.forEach((ligne, i) => {
    if (!Array.isArray(ligne?.fraisAnnexes)) return;
    const frais = ligne.fraisAnnexes.map((f) => {
      const nature = natureEnCode(f?.nature);
      return nature === f?.nature ? f : { ...f, nature: nature as typeof f.nature };
    });
    if (frais.some((f, j) => f !== ligne.fraisAnnexes![j])) (lignes ??= facture.lignes.slice())[i] = { ...ligne, fraisAnnexes: frais };
  });
  return lignes ? { ...facture, lignes } : facture;
}

export async function deposerFacture(ctx: EngineContext, input: OperationInput): Promise<OperationResult> {
  const facture = factureNormalisee(input.body);
  const now = ctx.clock.now();
  const context: RuleContext = { ...(await factureContext(ctx)), certificatsRecus: await certificatsRecus(ctx, facture) };
  const existing = await ctx.store.getFacture(ctx.scope, facture.numeroInterneFacture);
  const failures = blocking(ctx.comportement.constats(runRules(facture, 'facture', context)));
  const errors: NormError[] = toNormErrors(failures);
  // Never accept an invoice number twice, even if the catalogue has no rule for it (the FAQ's first rejection).
  if (existing && !existing.rejected && !ctx.comportement.factureDoublonAcceptee && !errors.some((e) => e.champ === 'numeroInterneFacture')) {
    errors.push({ code: 'FACTURE_DEJA_CONNUE', description: 'La facture est déjà connue de notre système', champ: 'numeroInterneFacture' });
  }
  const dossiers = new Map<string, { numeroInterneDossier: string; numeroExterneDossier: string | null; montant: number }>();
  for (const ligne of facture.lignes) {
    const entry = dossiers.get(ligne.numeroInterneDossier) ?? {
      numeroInterneDossier: ligne.numeroInterneDossier,
      numeroExterneDossier: ligne.numeroExterneDossier ?? null,
      montant: 0,
    };
    entry.montant = Math.round((entry.montant + ligne.montant) * 100) / 100;
    dossiers.set(ligne.numeroInterneDossier, entry);
  }
  const record: FactureRecord = {
    ...ctx.scope,
    numeroInterneFacture: facture.numeroInterneFacture,
    receivedAt: now.toISOString(),
    rejected: errors.length > 0,
    commentaire: errors.length > 0 ? errors.map((e) => e.description).join(' ; ') : null,
    paidAt: null,
    facture,
    dossiers: [...dossiers.values()],
  };
  if (errors.length > 0) {
    // A rejected invoice is listed as REJETEE and may be sent again; it never replaces an accepted one.
    if (!existing || existing.rejected) await ctx.store.putFacture(record);
    throw new MockProblem('FACTURE_REJETEE', `La facture ${facture.numeroInterneFacture} est rejetée : ${errors.length} motif(s)`, errors);
  }
  const paidAt = addDuration(now, ctx.delais.paiement).toISOString();
  record.paidAt = paidAt;
  for (const ligne of facture.lignes) {
    const dossier = await ctx.store.getDossier(ctx.scope, ligne.numeroInterneDossier);
    if (!dossier) continue;
    const allocationPaidAt = ctx.comportement.paiementAllocation(paidAt);
    dossier.allocations.push({ numeroInterneFacture: facture.numeroInterneFacture, numeroEcheance: ligne.numeroEcheance, montant: ligne.montant, paidAt: allocationPaidAt });
    await ctx.store.putDossier(dossier);
  }
  await ctx.store.putFacture(record);
  // The certificat embedded in an accepted invoice is received too: later invoices of the same period may omit it.
  const embarque = facture.certificatRealisation;
  if (embarque && typeof embarque.numeroInterneDossier === 'string' && (await ctx.store.getDossier(ctx.scope, embarque.numeroInterneDossier))) {
    await ctx.store.addPiece({ ...ctx.scope, kind: 'certificat', id: randomUUID(), numeroInterneDossier: embarque.numeroInterneDossier, receivedAt: now.toISOString(), body: embarque });
  }
  return { status: 201, body: { numeroInterneFacture: facture.numeroInterneFacture, etatFacture: 'EN_COURS_INSTRUCTION' } };
}

export async function etatsFactures(ctx: EngineContext, input: OperationInput): Promise<OperationResult> {
  const raw = input.query.numeroPage;
  const page = Number((Array.isArray(raw) ? raw[0] : raw) ?? '1');
  if (!Number.isInteger(page) || page < 1) {
    throw new MockProblem('REQUETE_INVALIDE', 'numeroPage doit être un entier supérieur ou égal à 1', [
      { code: 'REQUETE_INVALIDE', description: 'numeroPage doit être un entier supérieur ou égal à 1', champ: 'numeroPage' },
    ]);
  }
  const { total, items } = await ctx.store.listFactures(ctx.scope, (page - 1) * ctx.pageSize, ctx.pageSize);
  const now = ctx.clock.now();
  return { status: 200, body: pageSelonProfil({ total, count: items.length, page, factures: items.map((f) => etatFacture(f, now, ctx.comportement.motifRejetListe)) }, ctx.profile) };
}
