// The engine's strategy (mocks/engine/comportement.ts) for a set of broken variants: where each variant plugs in.
//
// Meant to live with the variants (mocks/variants/, helper C's); kept here until it moves. The app puts its result
// in the runtime (`runtime.comportement = comportementDesVariantes(breaks)`), the engine context carries it.
import { CONFORME, type Comportement } from './engine/comportement.js';
import { anneeEntiere, cinquanteCinquante, DEJA, JAMAIS, numeroDecaInvalide } from './variants/behaviours.js';
import { isBroken, withoutIgnored, type Breaks } from './variants/index.js';

export function comportementDesVariantes(breaks: Breaks): Comportement {
  if (breaks.size === 0) return CONFORME;
  const casse = (id: Parameters<typeof isBroken>[1]): boolean => isBroken(breaks, id);
  return {
    constats: (findings) => withoutIgnored({ breaks }, findings),
    echeances: (plan) => (casse('echeancier-cinquante-cinquante') ? cinquanteCinquante(plan) : plan),
    numeroDeca: (norme, sequence) => (casse('engage-sans-deca') ? null : casse('deca-format-invalide') ? numeroDecaInvalide(sequence) : norme),
    lireDossiersAutresCfa: casse('isolation-dossier-rompue'),
    dossierInconnuVide: casse('dossier-inconnu-200-vide'),
    etatsTousLesCfa: casse('isolation-etats-rompue'),
    totalEtats: (total) => (casse('pagination-total-faux') ? total + 1 : total),
    ruptureSansProrata: casse('rupture-sans-prorata'),
    echeancesRupture: (prorata, avant, dateRupture) => (casse('rupture-annee-entiere') ? anneeEntiere(avant, dateRupture) : prorata),
    redepotAccepte: casse('redepot-accepte'),
    pageServie: (demandee) => (casse('numero-page-ignore') ? 1 : demandee),
    appairageTousLesCfa: casse('appairage-tous-les-cfa'),
    factureDoublonAcceptee: casse('facture-doublon-acceptee'),
    // montant-regle-fige: the invoice is paid on time, but its échéance never sees the payment.
    // reglement-immediat: the échéance shows the amount as paid on receipt, never en cours d'instruction.
    paiementAllocation: (paidAt) => (casse('montant-regle-fige') ? JAMAIS : casse('reglement-immediat') ? DEJA : paidAt),
    amorcageParNiveau: !casse('amorcage-niveau-unique'),
    minorationDistanciel: !casse('distanciel-non-minore'),
    // participation-non-deduite: nothing deducted at the commitment; participation-rupture-forfait: the flat amount kept after any rupture.
    participation: (norme, moment, forfait) =>
      moment === 'engagement' ? (casse('participation-non-deduite') ? 0 : norme) : casse('participation-rupture-forfait') ? forfait : norme,
    // etat-bloque-transmis never decides, not even by silence; non-commence-reste-engage keeps a contract never started.
    silenceVautRefus: !casse('etat-bloque-transmis'),
    annulationNonCommence: !casse('non-commence-reste-engage'),
    motifRejetListe: !casse('facture-rejet-sans-motif'),
  };
}
