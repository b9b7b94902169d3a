// Service fait of a year's balance (FIN-22): which échéance is the balance, which certificat attests it, the deadline after the contract.
import { parse } from 'yaml';
import type { DossierLu, Echeance } from '../../model/dossier.js';
import type { Certificat, Facture } from '../../model/payloads.js';
import type { RuleContext } from '../rule.js';
import { computeEcheancier, regimeEcheancier } from '../../financing/index.js';
import { addDays, addMonths, formatIsoDate, parseIsoDate, type Ymd } from '../../remuneration/calendar.js';
import { readDataFile } from '../../remuneration/data-files.js';
import { avecDossier, copie, dossierDe, jour, lignesDe } from './facturation.js';

export interface ServiceFait {
  /** Contracts concluded from this day. */
  depuis: Ymd;
  certificatRequis: boolean;
  delaiMoisApresFinContrat: number;
  source: string;
}

export interface ParametresFacturation {
  /** Ascending by `depuis`. */
  serviceFait: ServiceFait[];
}

/** Parses a document shaped like conformance/data/facturation.yaml. */
export function parseParametresFacturation(text: string): ParametresFacturation {
  const raw = parse(text) as { serviceFait?: unknown } | null;
  if (!raw || !Array.isArray(raw.serviceFait)) throw new Error('facturation parameters: serviceFait must be a list');
  const serviceFait = raw.serviceFait.map((item: unknown, i: number) => {
    const e = (item ?? {}) as Record<string, unknown>;
    const depuis = parseIsoDate(e.dateDebut);
    if (depuis === undefined || typeof e.certificatRequis !== 'boolean' || typeof e.delaiMoisApresFinContrat !== 'number') {
      throw new Error(`facturation parameters: serviceFait[${i}] needs dateDebut, certificatRequis and delaiMoisApresFinContrat`);
    }
    return { depuis, certificatRequis: e.certificatRequis, delaiMoisApresFinContrat: e.delaiMoisApresFinContrat, source: String(e.source ?? '') };
  });
  return { serviceFait: serviceFait.sort((a, b) => a.depuis - b.depuis) };
}

let bundled: ParametresFacturation | undefined;

export function parametresFacturation(): ParametresFacturation {
  bundled ??= parseParametresFacturation(readDataFile('facturation.yaml'));
  return bundled;
}

/** The service-fait entry in force for a contract concluded on `conclusion`, or undefined (none before the first). */
export function serviceFaitPour(conclusion: unknown, params = parametresFacturation()): ServiceFait | undefined {
  const day = jour(conclusion);
  if (day === undefined) return undefined;
  let found: ServiceFait | undefined;
  for (const e of params.serviceFait) if (e.depuis <= day) found = e;
  return found;
}

/** Position (1-based) of the share the regime opens at the end of the contract year, or undefined when none does. */
function rangDuSolde(conclusion: string): { rang: number; parAn: number } | undefined {
  const regime = regimeEcheancier(conclusion.slice(0, 10));
  if (!regime) return undefined;
  const rang = regime.ouvertures.lastIndexOf('fin') + 1;
  return rang === 0 ? undefined : { rang, parAn: regime.ouvertures.length };
}

/**
 * The service-fait entry when `echeance` is a balance paid after service fait: the share its regime opens at the end
 * of the contract year, for a contract concluded while service fait applies. The échéance's rank in its year comes
 * from the échéances sharing its dateDebut (the contract year), or from its number when the periods are not given.
 */
export function soldeServiceFait(dossier: DossierLu, echeance: Echeance): ServiceFait | undefined {
  const conclusion = dossier.cerfa.contrat?.dateConclusion;
  const regle = serviceFaitPour(conclusion);
  if (!regle || typeof conclusion !== 'string') return undefined;
  const solde = rangDuSolde(conclusion);
  if (!solde) return undefined;
  const parAnnee = dossier.echeances.every((e) => jour(e.dateDebut) !== undefined);
  const rang = parAnnee
    ? dossier.echeances.filter((e) => e.dateDebut?.slice(0, 10) === echeance.dateDebut?.slice(0, 10)).sort((a, b) => a.numero - b.numero).indexOf(echeance) + 1
    : ((echeance.numero - 1) % solde.parAn) + 1;
  return rang === solde.rang ? regle : undefined;
}

/**
 * Whether `certificat` attests the service of `echeance`: same dossier, and it names this échéance, or it is the
 * final certificat (the whole action) and its period, when given, reaches the échéance's end.
 */
export function certificatAtteste(certificat: Certificat | undefined, numeroInterne: string, echeance: Echeance): boolean {
  if (!certificat || certificat.numeroInterneDossier !== numeroInterne) return false;
  if (certificat.echeance?.numero === echeance.numero) return true;
  if (certificat.typeCertificat !== 'Final') return false;
  const fin = jour(certificat.echeance?.dateFin);
  const finEcheance = jour(echeance.dateFin);
  return fin === undefined || finEcheance === undefined || fin >= finEcheance;
}

/** The contract's last day: its rupture date when broken off, else dateFinContrat. */
export function finContrat(dossier: DossierLu): Ymd | undefined {
  const contrat = dossier.cerfa.contrat as (typeof dossier.cerfa.contrat & { dateRupture?: unknown }) | undefined;
  return jour(contrat?.dateRupture) ?? jour(contrat?.dateFinContrat);
}

/** The last day the balance may be sent: the contract's end + the entry's months. */
export function dernierJourTransmission(dossier: DossierLu, regle: ServiceFait): Ymd | undefined {
  const fin = finContrat(dossier);
  return fin === undefined ? undefined : addMonths(fin, regle.delaiMoisApresFinContrat);
}

/** The first service-fait balance of a dossier, if any. */
export const premierSolde = (dossier: DossierLu): Echeance | undefined => dossier.echeances.find((e) => soldeServiceFait(dossier, e) !== undefined);

/**
 * For plants: the dossier of the invoice's first line, as a contract concluded under service fait. A dossier of an
 * earlier regime is read as concluded on the first service-fait day with its échéancier recomputed (same contract
 * dates, the first year's amount as NPEC, same IBAN and SIRET), so that every generated dossier can carry a balance.
 */
function dossierAvecSolde(facture: Facture, context: RuleContext, ruleId: string): DossierLu {
  const numero = lignesDe(facture)[0]?.numeroInterneDossier;
  const dossier = dossierDe(context, numero);
  if (!dossier) throw new Error(`${ruleId}: plant needs the first line's dossier in context.dossiers`);
  if (premierSolde(dossier)) return dossier;
  const premier = parametresFacturation().serviceFait[0];
  const e1 = dossier.echeances[0];
  if (!premier || !e1) throw new Error(`${ruleId}: plant needs a service-fait period and an échéancier`);
  const { dateDebutContrat, dateFinContrat } = dossier.cerfa.contrat;
  const annee = dossier.echeances.filter((e) => e.dateDebut === e1.dateDebut).reduce((s, e) => s + e.montantTotal, 0);
  const dateConclusion = formatIsoDate(premier.depuis);
  const echeances = computeEcheancier({ dateConclusion, dateDebutContrat: dateDebutContrat.slice(0, 10), dateFinContrat: dateFinContrat.slice(0, 10), npecAnnuel: Math.round(annee * 100) / 100, iban: e1.iban, siret: e1.siret });
  const total = Math.round(echeances.reduce((s, e) => s + e.montantTotal * 100, 0)) / 100;
  return { ...copie(dossier), cerfa: { ...copie(dossier.cerfa), contrat: { ...copie(dossier.cerfa.contrat), dateConclusion } }, echeances, engagement: total };
}

/**
 * For plants: `valid` turned into the invoice of the first balance of its first line's dossier (one line, no frais
 * annexes, amounts as announced), with that échéance's certificat embedded when `avecCertificat`, and the context
 * where the OPCO holds that dossier, has received no certificat and judges `jourFacture(balance, dossier)`.
 */
export function factureDeSolde(
  valid: Facture,
  context: RuleContext,
  ruleId: string,
  avecCertificat: boolean,
  jourFacture: (solde: Echeance, dossier: DossierLu) => Ymd,
): { payload: Facture; context: RuleContext } {
  const dossier = dossierAvecSolde(valid, context, ruleId);
  const solde = premierSolde(dossier);
  if (!solde) throw new Error(`${ruleId}: plant needs a balance échéance`);
  const payload = copie(valid);
  const ligne = payload.lignes[0]!;
  const montant = Math.round((solde.montantPedagogique + solde.montantMajorationRQTH) * 100) / 100;
  delete ligne.fraisAnnexes;
  Object.assign(ligne, { numeroEcheance: solde.numero, montantEcheance: solde.montantTotal, montantPedagogique: solde.montantPedagogique, montantMajorationRQTH: solde.montantMajorationRQTH, montant });
  payload.lignes = [ligne];
  payload.montantTotal = montant;
  const aujourdhui = jourFacture(solde, dossier);
  payload.dateFacture = formatIsoDate(aujourdhui);
  delete payload.certificatRealisation;
  if (avecCertificat) payload.certificatRealisation = certificatDuSolde(payload, dossier, solde, aujourdhui);
  const numero = dossier.cerfa.numeroInterne;
  return { payload, context: { ...avecDossier(context, numero, () => dossier), today: formatIsoDate(aujourdhui), certificatsRecus: [] } };
}

/** The certificat de réalisation of a balance, signed the day before the invoice, for the échéance's period. */
function certificatDuSolde(facture: Facture, dossier: DossierLu, solde: Echeance, aujourdhui: Ymd): Certificat {
  const { cerfa } = dossier;
  const debut = solde.dateDebut ?? cerfa.contrat.dateDebutContrat;
  const fin = solde.dateFin ?? cerfa.contrat.dateFinContrat;
  return {
    typeCertificat: 'Intermediaire',
    numeroInterneDossier: cerfa.numeroInterne,
    numeroInterneFacture: facture.numeroInterneFacture,
    dateSignature: formatIsoDate(addDays(aujourdhui, -1)),
    employeur: { siret: cerfa.employeur?.siret ?? facture.organismeFormation.siret },
    apprenti: { nom: cerfa.apprenti.nom, prenom: cerfa.apprenti.prenom },
    organismeFormation: { siret: facture.organismeFormation.siret },
    echeance: { numero: solde.numero, codification: solde.codification, duree: 1, dateDebut: debut.slice(0, 10), dateFin: fin.slice(0, 10), echeancePartielle: false },
  };
}
