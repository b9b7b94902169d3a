// The console's view of the dossiers: per CFA and OPCO, their state, échéancier, invoices, deposit findings and request.
import { frozenClock } from '../clock.js';
import { MockProblem } from '../errors.js';
import { engineContext } from '../engine/context.js';
import { contexteDepot } from '../engine/dossiers.js';
import { runRules } from '../engine/rules.js';
import { dossierLu, dossierState, etatFacture } from '../engine/views.js';
import type { OpcoProfile } from '../profiles.js';
import { redactIban } from '../redact.js';
import type { DossierRecord, FactureRecord, Scope } from '../store/types.js';
import type { CfaTenant } from '../tenants.js';
import { ruleCode } from '../../conformance/rules/rule.js';
import { masque } from './masque.js';
import type { ConsoleSetting, Viewer } from './types.js';
import { sees } from './viewer.js';

/** The filters of the dossiers list (query string); each optional. */
export interface DossierFilters {
  cfa?: string;
  etat?: string;
  opco?: string;
}

/** The scopes (OPCO × CFA) holding something that the viewer may see. */
export async function scopesVisibles(setting: ConsoleSetting, viewer: Viewer): Promise<Scope[]> {
  const stats = await setting.runtime.store.stats();
  return stats.filter((s) => (s.dossiers > 0 || s.factures > 0) && sees(viewer, s.cfa, s.opco)).map(({ opco, cfa }) => ({ opco, cfa }));
}

function profileOf(setting: ConsoleSetting, opco: string): OpcoProfile {
  const profile = setting.runtime.profiles.get(opco) ?? setting.runtime.profiles.get(setting.runtime.defaultOpco);
  if (!profile) throw new MockProblem('OPCO_INCONNU', `OPCO « ${opco} » inconnu`);
  return profile;
}

function tenantOf(setting: ConsoleSetting, siret: string): CfaTenant {
  return setting.runtime.tenants.all().find((t) => t.siret === siret) ?? { siret, denomination: siret, iban: '', keys: {} };
}

/** One row of the list: what CFA and OPCO staff look for first. */
function ligne(setting: ConsoleSetting, scope: Scope, record: DossierRecord, now: Date) {
  const profile = profileOf(setting, scope.opco);
  const state = dossierState(record, now, setting.delais, profile);
  return {
    opco: scope.opco,
    opcoNom: profile.nom,
    cfa: scope.cfa,
    denomination: tenantOf(setting, scope.cfa).denomination,
    numeroInterne: record.numeroInterne,
    numeroExterne: record.numeroExterne,
    etat: state.etat,
    numeroDeca: state.engaged ? record.decision.numeroDeca : null,
    commentaireEtat: state.commentaire ?? (state.etat === record.decision.etat ? record.decision.commentaireEtat : null),
    recuLe: record.receivedAt,
  };
}

export type LigneDossier = ReturnType<typeof ligne>;

/** Every dossier the viewer may see, filtered, in deposit order per scope; with the values the filters offer. */
export async function listeDossiers(setting: ConsoleSetting, viewer: Viewer, filtres: DossierFilters) {
  const lignes: LigneDossier[] = [];
  for (const scope of await scopesVisibles(setting, viewer)) {
    // Each CFA's dossiers on its own clock (mocks/horloges.ts).
    const now = setting.runtime.horloges.pour(scope.cfa).now();
    for (const record of await setting.runtime.store.allDossiers(scope)) lignes.push(ligne(setting, scope, record, now));
  }
  const tri = (values: string[]) => [...new Set(values)].sort();
  return {
    now: (viewer.admin ? setting.runtime.clock : setting.runtime.horloges.pour(viewer.cfa)).now().toISOString(),
    filtres: { cfa: tri(lignes.map((l) => l.cfa)), opco: tri(lignes.map((l) => l.opco)), etat: tri(lignes.map((l) => l.etat)) },
    cfas: Object.fromEntries(lignes.map((l) => [l.cfa, l.denomination])),
    dossiers: lignes.filter((l) => (!filtres.cfa || l.cfa === filtres.cfa) && (!filtres.opco || l.opco === filtres.opco) && (!filtres.etat || l.etat === filtres.etat)),
  };
}

/** All invoices of a scope (the console reads them whole: a mock's store, not an OPCO's). */
export async function toutesFactures(setting: ConsoleSetting, scope: Scope): Promise<FactureRecord[]> {
  const { total, items } = await setting.runtime.store.listFactures(scope, 0, 10_000);
  return total > items.length ? [...items, ...(await setting.runtime.store.listFactures(scope, items.length, total)).items] : items;
}

/** The rule findings of the deposit, judged again as the OPCO judged it: with its référentiel, on the day it arrived. */
function constatsDuDepot(setting: ConsoleSetting, scope: Scope, record: DossierRecord) {
  const { runtime } = setting;
  const ctx = engineContext({ ...setting, runtime: { ...runtime, clock: frozenClock(record.receivedAt), horloges: undefined } }, profileOf(setting, scope.opco), tenantOf(setting, scope.cfa), scope.opco);
  const findings = ctx.comportement.constats(runRules({ cerfa: record.cerfa }, 'cerfa', contexteDepot(ctx, record.cerfa)));
  return findings.flatMap(({ rule, result }) =>
    result.outcome === 'fail' || result.outcome === 'error'
      ? [
          {
            regle: rule.id,
            code: ruleCode(rule),
            titre: rule.title,
            severite: rule.severity,
            domaine: rule.area,
            resultat: result.outcome,
            messages: masque(result.outcome === 'fail' ? result.violations.map((v) => ({ champ: v.path, message: v.message ?? rule.title })) : [{ champ: '', message: result.reason }]),
          },
        ]
      : [],
  );
}

/** One dossier in full: state, échéancier with each échéance's invoices and payments, deposit findings and request. */
export async function detailDossier(setting: ConsoleSetting, viewer: Viewer, scope: Scope, numeroInterne: string) {
  const record = sees(viewer, scope.cfa, scope.opco) ? await setting.runtime.store.getDossier(scope, numeroInterne) : undefined;
  if (!record) {
    throw new MockProblem('DOSSIER_INCONNU', `Aucun dossier « ${numeroInterne} » pour ce CFA chez cet OPCO`, [
      { code: 'DOSSIER_INCONNU', description: "Le dossier n'est pas connu de l'OPCO", champ: 'numeroInterne' },
    ]);
  }
  const now = setting.runtime.horloges.pour(scope.cfa).now();
  const profile = profileOf(setting, scope.opco);
  const tenant = tenantOf(setting, scope.cfa);
  const lu = dossierLu(record, now, setting.delais, profile, tenant.iban, setting.referentiel.plafondFraisPremierEquipement);
  const factures = (await toutesFactures(setting, scope))
    .filter((f) => f.facture.lignes.some((l) => l.numeroInterneDossier === numeroInterne))
    .map((f) => ({ ...etatFacture(f, now), recueLe: f.receivedAt, lignes: f.facture.lignes.filter((l) => l.numeroInterneDossier === numeroInterne) }));
  const echeances = lu.echeances.map((e) => ({
    ...e,
    iban: redactIban(e.iban),
    factures: factures.flatMap((f) =>
      f.lignes
        .filter((l) => l.numeroEcheance === e.numero)
        .map((l) => ({ numeroInterneFacture: f.numeroInterneFacture, etatFacture: f.etatFacture, montant: l.montant, dateReglement: f.dateReglement, commentaire: f.commentaire })),
    ),
  }));
  return {
    ...ligne(setting, scope, record, now),
    engagement: lu.engagement,
    echeances,
    factures: masque(factures.map(({ lignes: _lignes, organismeFormation: _of, ...f }) => f)),
    constats: constatsDuDepot(setting, scope, record),
    depot: { operation: 'POST /dossiers', recuLe: record.receivedAt, corps: masque({ cerfa: record.cerfa }) },
  };
}

/** A snapshot of every dossier's and invoice's state, to tell what a clock move changed. */
export async function etats(setting: ConsoleSetting): Promise<Map<string, { type: 'dossier' | 'facture'; opco: string; cfa: string; numero: string; etat: string }>> {
  const out = new Map<string, { type: 'dossier' | 'facture'; opco: string; cfa: string; numero: string; etat: string }>();
  for (const scope of await scopesVisibles(setting, { admin: true })) {
    const now = setting.runtime.horloges.pour(scope.cfa).now();
    const profile = profileOf(setting, scope.opco);
    for (const d of await setting.runtime.store.allDossiers(scope)) {
      out.set(`d|${scope.opco}|${scope.cfa}|${d.numeroInterne}`, { type: 'dossier', ...scope, numero: d.numeroInterne, etat: dossierState(d, now, setting.delais, profile).etat });
    }
    for (const f of await toutesFactures(setting, scope)) {
      out.set(`f|${scope.opco}|${scope.cfa}|${f.numeroInterneFacture}`, { type: 'facture', ...scope, numero: f.numeroInterneFacture, etat: etatFacture(f, now).etatFacture });
    }
  }
  return out;
}
