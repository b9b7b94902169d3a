// The invoice of generated record i: one line on an open échéance of its dossier, matching the OPCO's échéancier.
import type { Echeance } from '../model/dossier.js';
import type { Facture, FraisAnnexe, LigneFacture } from '../model/payloads.js';
import type { RuleContext } from '../rules/rule.js';
import { calendar } from '../remuneration/index.js';
import { certificatPour, echeanceSolde } from './certificat.js';
import { drawDossier, type DossierDraw } from './dossier.js';
import { PHASE, Weighted, chance, int, reseed } from './random.js';
import { baseContext } from './context.js';

const { addDays, formatIsoDate, parseIsoDate } = calendar;

export interface FactureDraw extends DossierDraw {
  facture: Facture;
  context: RuleContext;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Most invoices are for the first échéance (the avance); some for the next ones of the first year. */
const RANG = new Weighted<number>([[1, 65], [2, 20], [3, 15]]);

/** The échéance to invoice: E1, or E2/E3 when they belong to the first contract year and are not its balance. */
function echeanceAvance(echeances: readonly Echeance[]): Echeance {
  const first = echeances[0];
  if (first === undefined) throw new Error('generator bug: empty échéancier');
  const wanted = echeances[RANG.draw() - 1];
  const solde = echeanceSolde(echeances);
  const ok = wanted !== undefined && wanted.dateDebut === first.dateDebut && wanted.numero < solde.numero;
  return ok ? wanted : first;
}

/**
 * The invoice of (seed, index). One in ten is the first year's balance, invoiced after the year with its certificat
 * de réalisation embedded (service fait, research §2.3); the others invoice an avance. `complet` forces the balance
 * with its certificat and frais annexes on the line, so that plants needing them always find them.
 */
export function drawFacture(seed: number, index: number, complet = false): FactureDraw {
  const draw = drawDossier(seed, index, complet);
  const { dossier, cfa } = draw;
  reseed(seed, index, PHASE.facture);
  const avecCertificat = chance(0.1) || complet;
  const echeance = avecCertificat ? echeanceSolde(dossier.echeances) : echeanceAvance(dossier.echeances);
  const embarque = avecCertificat ? certificatPour(draw, echeance) : undefined;
  const ouverture = parseIsoDate(echeance.dateOuverture);
  if (ouverture === undefined) throw new Error('generator bug: unreadable dateOuverture');
  const depuis = embarque !== undefined && embarque.signature > ouverture ? embarque.signature : ouverture;
  const today = addDays(depuis, int(0, 20));

  // The earlier échéances were invoiced and paid: the read model shows them settled.
  const echeances = dossier.echeances.map((e) => (e.numero < echeance.numero ? { ...e, montantRegle: e.montantTotal } : e));
  const dossierAJour = { ...dossier, echeances };

  const fraisAnnexes: FraisAnnexe[] = [];
  if (chance(0.4) || complet) {
    for (const engagement of dossier.engagementsFraisAnnexe) {
      if (engagement.natureFrais === 'PREMIER_EQUIPEMENT') {
        // First equipment is bought at the start: invoiced once, with the first échéance.
        if (echeance.numero !== 1) continue;
        fraisAnnexes.push({ nature: 'PREMIER_EQUIPEMENT', quantite: 1, prixUnitaire: engagement.montantTotal, montant: engagement.montantTotal });
      } else {
        // Meals and nights taken so far: a share of what was committed.
        const quantite = Math.max(1, Math.floor(engagement.quantite * (int(10, 35) / 100)));
        fraisAnnexes.push({ nature: engagement.natureFrais, quantite, prixUnitaire: engagement.prixUnitaire, montant: round2(quantite * engagement.prixUnitaire) });
      }
    }
  }

  const ligne: LigneFacture = {
    numeroInterneDossier: draw.numeroInterne,
    numeroExterneDossier: dossier.cerfa.numeroExterne,
    numeroEcheance: echeance.numero,
    montantEcheance: echeance.montantTotal,
    montantPedagogique: echeance.montantPedagogique,
    montantMajorationRQTH: echeance.montantMajorationRQTH,
    montant: round2(echeance.montantPedagogique + echeance.montantMajorationRQTH + fraisAnnexes.reduce((s, f) => s + f.montant, 0)),
  };
  if (fraisAnnexes.length > 0) ligne.fraisAnnexes = fraisAnnexes;

  const dateFacture = formatIsoDate(today);
  const numeroInterneFacture = `F${dateFacture.slice(0, 4)}${draw.seedTag}${String(index).padStart(7, '0')}`;
  const facture: Facture = {
    numeroInterneFacture,
    referenceFactureCFA: `FAC-${dateFacture.slice(0, 7)}-${String(int(1, 99_999)).padStart(5, '0')}`,
    dateFacture,
    organismeFormation: { siret: cfa.siret, IBAN: cfa.iban, denomination: cfa.denomination, uaiCfa: cfa.uai },
    montantTotal: ligne.montant,
    lignes: [ligne],
  };
  if (embarque !== undefined) facture.certificatRealisation = { ...embarque.certificat, numeroInterneFacture };
  return { ...draw, dossier: dossierAJour, facture, context: baseContext(dateFacture, draw, dossierAJour) };
}
