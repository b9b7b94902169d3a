// Dossier listings of the mock OPCO: the paged states, the list by numbers and the appairage search.
import { MockProblem } from '../errors.js';
import type { DossierRecord } from '../store/types.js';
import type { EngineContext, OperationInput, OperationResult } from './context.js';
import { pageSelonProfil } from './particularites.js';
import { dossierLu, etatDossier } from './views.js';

export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The FAQ's duplicate key, compared exactly: differently spelled names or swapped nom/prénom are not detected. */
export function identityKey(parts: { nom: string; prenom: string; dateNaissance: string; siret: string; dateDebutContrat: string }): string {
  return [parts.nom, parts.prenom, parts.dateNaissance.slice(0, 10), parts.siret, parts.dateDebutContrat.slice(0, 10)].join('|');
}

/** A dossier as this CFA reads it at this OPCO: now on the clock, in the profile's form. */
export const vueDossier = (ctx: EngineContext, record: DossierRecord) =>
  dossierLu(record, ctx.clock.now(), ctx.delais, ctx.profile, ctx.tenant.iban, ctx.referentiel.plafondFraisPremierEquipement, true);

/** `numeroPage` of a paged listing: an integer from 1 (absent: 1). */
export function pageNumber(input: OperationInput): number {
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
  const page = ctx.comportement.pageServie(pageNumber(input));
  let { total, items } = await ctx.store.listDossiers(ctx.scope, (page - 1) * ctx.pageSize, ctx.pageSize);
  if (ctx.comportement.etatsTousLesCfa) {
    const everyone = [];
    for (const cfa of ctx.siretsConnus) everyone.push(...(await ctx.store.allDossiers({ opco: ctx.scope.opco, cfa })));
    total = everyone.length;
    items = everyone.slice((page - 1) * ctx.pageSize, page * ctx.pageSize);
  }
  total = ctx.comportement.totalEtats(total);
  const now = ctx.clock.now();
  const body = { total, count: items.length, page, EtatDossierResult: items.map((r) => etatDossier(r, now, ctx.delais, ctx.profile)) };
  return { status: 200, body: pageSelonProfil(body, ctx.profile) };
}

export async function listeDossiers(ctx: EngineContext, input: OperationInput): Promise<OperationResult> {
  const raw = input.query.numerosInternes;
  const numeros = (Array.isArray(raw) ? raw : [raw ?? '']).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const found: unknown[] = [];
  for (const numero of numeros) {
    const record = await ctx.store.getDossier(ctx.scope, numero);
    if (record) found.push(vueDossier(ctx, record));
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
  const records = [...(await ctx.store.findByIdentity(ctx.scope, key))];
  if (ctx.comportement.appairageTousLesCfa) {
    for (const cfa of ctx.siretsConnus) if (cfa !== ctx.scope.cfa) records.push(...(await ctx.store.findByIdentity({ opco: ctx.scope.opco, cfa }, key)));
  }
  return { status: 200, body: records.map((r) => vueDossier(ctx, r)) };
}
