// The dossier an OPCO holds for generated record i: ENGAGE, DECA number, échéancier, frais annexes committed.
import type { DossierLu } from '../model/dossier.js';
import type { DemandeFraisAnnexe } from '../financing/index.js';
import { calendar } from '../remuneration/index.js';
import { drawCerfa, numeroDeca, type CerfaDraw } from './cerfa.js';
import { financement } from './financement.js';
import { PHASE, chance, int, reseed } from './random.js';

const { formatIsoDate, parseIsoDate } = calendar;

/** Prices asked by CFAs for meals and nights: at the caps of research §2.5 (3 € a meal, 6 € a night). */
const PRIX_REPAS = 3;
const PRIX_NUITEE = 6;

/** CAP, BP and bac pro apprentices need tools or outfits (knives, scissors, work clothes): first equipment. */
const AVEC_EQUIPEMENT = new Set([33, 49, 41]);

export interface DossierDraw extends CerfaDraw {
  dossier: DossierLu;
  /** Employer participation deducted by the OPCO from the first payment (0 when not applicable). */
  participation: number;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The dossier of (seed, index); `complet` commits every frais annexe nature (meals, nights, first equipment). */
export function drawDossier(seed: number, index: number, complet = false): DossierDraw {
  const draw = drawCerfa(seed, index, complet);
  const { cerfa, cfa, certification, secteur } = draw;
  reseed(seed, index, PHASE.dossier);
  const debut = parseIsoDate(cerfa.contrat.dateDebutContrat);
  if (debut === undefined) throw new Error('generator bug: unreadable dateDebutContrat');

  // Frais annexes asked by the CFA; the OPCO commits them within the caps in force (financing module).
  const demandes: DemandeFraisAnnexe[] = [];
  if (chance(0.5) || complet) {
    // About one meal per 7 hours at the CFA.
    demandes.push({ natureFrais: 'RESTAURATION', quantite: Math.round(cerfa.formation.dureeFormation / 7), prixUnitaire: PRIX_REPAS });
  }
  if ((draw.departementEmployeur !== cfa.adresse.departement && chance(0.5)) || complet) {
    // Apprentices far from their CFA sleep there during the training weeks.
    demandes.push({ natureFrais: 'HEBERGEMENT', quantite: Math.round((cerfa.formation.dureeFormation / 7) * 0.8), prixUnitaire: PRIX_NUITEE });
  }
  if ((AVEC_EQUIPEMENT.has(certification.typeDiplome) && chance(0.6)) || complet) {
    demandes.push({ natureFrais: 'PREMIER_EQUIPEMENT', quantite: 1, prixUnitaire: int(15, 50) * 10 });
  }
  const f = financement(cerfa, certification, draw.majorationRQTH, cfa, demandes);
  const echeances = f.echeances;

  const annee = formatIsoDate(debut).slice(0, 4);
  const dossier: DossierLu = {
    cerfa: {
      ...cerfa,
      // The CFA's number, or the one the OPCO assigned when the deposit carried none.
      numeroInterne: draw.numeroInterne,
      numeroExterne: `${secteur.opco}-${annee}-${String(int(1, 999_999)).padStart(6, '0')}`,
      numeroDeca: numeroDeca(draw.departementEmployeur, debut),
      etat: 'ENGAGE',
      commentaireEtat: null,
    },
    engagement: round2(echeances.reduce((sum, e) => sum + e.montantTotal, 0)),
    echeances,
    engagementsFraisAnnexe: f.engagementsFraisAnnexe,
    detailsFacturation: {
      iban: cfa.iban,
      plafondFraisPremierEquipement: f.plafondPremierEquipement,
      fraisPremierEquipementRegles: false,
      fraisMobiliteRegles: false,
    },
  };
  return { ...draw, dossier, participation: f.participation };
}
