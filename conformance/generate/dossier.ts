// The dossier an OPCO holds for generated record i: ENGAGE, DECA number, échéancier, frais annexes committed.
import type { DossierLu, EngagementFraisAnnexe } from '../model/dossier.js';
import { calendar } from '../remuneration/index.js';
import { drawCerfa, numeroDeca, type CerfaDraw } from './cerfa.js';
import { echeancier } from './echeancier.js';
import { PHASE, chance, int, reseed } from './random.js';

const { formatIsoDate, parseIsoDate } = calendar;

/** Caps used for the frais annexes committed (research §1.8, §2.5): 500 € first equipment, 3 € a meal, 6 € a night. */
export const PLAFOND_PREMIER_EQUIPEMENT = 500;
const PRIX_REPAS = 3;
const PRIX_NUITEE = 6;

/** Certifications whose apprentices need tools or outfits (knives, scissors, work clothes): first equipment. */
const AVEC_EQUIPEMENT = new Set(['33', '49', '41']);

export interface DossierDraw extends CerfaDraw {
  dossier: DossierLu;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function drawDossier(seed: number, index: number): DossierDraw {
  const draw = drawCerfa(seed, index);
  const { cerfa, cfa, certification, secteur } = draw;
  reseed(seed, index, PHASE.dossier);
  const debut = parseIsoDate(cerfa.contrat.dateDebutContrat);
  if (debut === undefined) throw new Error('generator bug: unreadable dateDebutContrat');

  const echeances = echeancier({
    dateConclusion: cerfa.contrat.dateConclusion,
    dateDebutContrat: cerfa.contrat.dateDebutContrat,
    dateFinContrat: cerfa.contrat.dateFinContrat,
    npecAnnuel: certification.npec,
    majorationRQTHAnnuelle: draw.majorationRQTH,
    iban: cfa.iban,
    siret: cfa.siret,
  });

  const frais: EngagementFraisAnnexe[] = [];
  if (chance(0.5)) {
    // About one meal per 7 hours at the CFA.
    const repas = Math.round(cerfa.formation.dureeFormation / 7);
    frais.push({ natureFrais: 'RESTAURATION', quantite: repas, prixUnitaire: PRIX_REPAS, montantTotal: round2(repas * PRIX_REPAS) });
  }
  if (cerfa.employeur.adresse.departement !== cfa.adresse.departement && chance(0.5)) {
    // Apprentices far from their CFA sleep there during the training weeks (about one night per 7 hours, less the weekly return).
    const nuits = Math.round((cerfa.formation.dureeFormation / 7) * 0.8);
    frais.push({ natureFrais: 'HEBERGEMENT', quantite: nuits, prixUnitaire: PRIX_NUITEE, montantTotal: round2(nuits * PRIX_NUITEE) });
  }
  if (AVEC_EQUIPEMENT.has(String(certification.typeDiplome)) && chance(0.6)) {
    const montant = int(15, 50) * 10;
    frais.push({ natureFrais: 'PREMIER_EQUIPEMENT', quantite: 1, prixUnitaire: montant, montantTotal: montant });
  }

  const departementDeca = cerfa.employeur.adresse.departement ?? cfa.adresse.departement;
  const annee = formatIsoDate(debut).slice(0, 4);
  const dossier: DossierLu = {
    cerfa: {
      ...cerfa,
      numeroExterne: `${secteur.opco}-${annee}-${String(int(1, 999_999)).padStart(6, '0')}`,
      numeroDeca: numeroDeca(departementDeca, debut),
      etat: 'ENGAGE',
      commentaireEtat: null,
    },
    engagement: round2(echeances.reduce((sum, e) => sum + e.montantTotal, 0)),
    echeances,
    engagementsFraisAnnexe: frais,
    detailsFacturation: {
      iban: cfa.iban,
      plafondFraisPremierEquipement: PLAFOND_PREMIER_EQUIPEMENT,
      fraisPremierEquipementRegles: false,
      fraisMobiliteRegles: false,
    },
  };
  return { ...draw, dossier };
}
