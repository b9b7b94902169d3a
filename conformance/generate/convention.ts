// The training convention of generated record i: CFA costs of the same dossier, signed before the contract starts.
import type { Convention } from '../model/payloads.js';
import type { RuleContext } from '../rules/rule.js';
import { calendar } from '../remuneration/index.js';
import { drawDossier, type DossierDraw } from './dossier.js';
import { PHASE, int, reseed } from './random.js';
import { baseContext } from './context.js';

const { addDays, daysBetween, formatIsoDate, parseIsoDate } = calendar;

export interface ConventionDraw extends DossierDraw {
  convention: Convention;
  context: RuleContext;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

export function drawConvention(seed: number, index: number, complet = false): ConventionDraw {
  const draw = drawDossier(seed, index, complet);
  const { cerfa, dossier, cfa } = draw;
  reseed(seed, index, PHASE.convention);
  const conclusion = parseIsoDate(cerfa.contrat.dateConclusion);
  const debut = parseIsoDate(cerfa.contrat.dateDebutContrat);
  if (conclusion === undefined || debut === undefined) throw new Error('generator bug: unreadable contract dates');
  // Signed between the contract's conclusion and its start; sent to the OPCO within the next two weeks.
  const signature = addDays(conclusion, int(0, daysBetween(conclusion, debut)));
  const today = addDays(signature > debut ? signature : debut, int(1, 14));

  const quantite = (nature: string): number =>
    dossier.engagementsFraisAnnexe.find((f) => f.natureFrais === nature)?.quantite ?? 0;
  const premierEquipement = dossier.engagementsFraisAnnexe.find((f) => f.natureFrais === 'PREMIER_EQUIPEMENT');
  const annees = cerfa.contrat.remunerationsAnnuelles.reduce((n, l) => Math.max(n, Number(l.ordre.split('.')[0])), 0);
  const rqth = (annee: number): number | null => (draw.majorationRQTH > 0 && annee <= annees ? draw.majorationRQTH : null);

  const convention: Convention = {
    numeroInterneDossier: draw.numeroInterne,
    employeur: { siret: cerfa.employeur.siret },
    apprenti: { nom: cerfa.apprenti.nom, prenom: cerfa.apprenti.prenom },
    contrat: { dateDebutContrat: cerfa.contrat.dateDebutContrat, dateFinContrat: cerfa.contrat.dateFinContrat },
    organismeFormation: { siret: cfa.siret, uaiCfa: cfa.uai },
    formation: {
      dateDebutFormation: cerfa.formation.dateDebutFormation,
      dateFinFormation: cerfa.formation.dateFinFormation,
      dureeFormation: cerfa.formation.dureeFormation,
      rncp: cerfa.formation.rncp,
      intituleQualification: cerfa.formation.intituleQualification,
    },
    couts: {
      // The pedagogical cost of the whole contract (NPEC prorated, RQTH apart): what the OPCO pays plus the
      // employer participation it deducts.
      coutTotalPedagogieCFA: round2(dossier.echeances.reduce((s, e) => s + e.montantPedagogique, 0) + draw.participation),
      montantRQTHAnnee1: rqth(1),
      montantRQTHAnnee2: rqth(2),
      montantRQTHAnnee3: rqth(3),
      nombreRepasTotaux: quantite('RESTAURATION'),
      nombreHebergementTotaux: quantite('HEBERGEMENT'),
      montantPremierEquipement: premierEquipement?.montantTotal ?? 0,
      mentionMobiliteInternationale: false,
      accompagnementDROM: false,
    },
    mandatEmployeur: true,
    dateSignature: formatIsoDate(signature),
    attestationConventionSigneeEntreprise: true,
    attestationConventionSigneeCFA: true,
    attestationConventionSignatureProbante: true,
    attestationConventionConformeJSON: true,
  };
  if (cerfa.apprenti.nomUsage) convention.apprenti.nomUsage = cerfa.apprenti.nomUsage;
  return { ...draw, convention, context: baseContext(formatIsoDate(today), draw, dossier) };
}
