// Payloads the scenarios build from what the server answered: the invoice of an échéance, the convention of a dossier.
import type { DossierLu } from '../model/dossier.js';
import type { Cerfa, Certificat, Convention, Facture, FraisAnnexe } from '../model/payloads.js';

/** Frais annexes within the caps and the amounts committed by conventionDe(): 20 meals, 10 nights, 450 € of equipment. */
export const FRAIS_VALIDES: FraisAnnexe[] = [
  { nature: 'RESTAURATION', quantite: 20, prixUnitaire: 3, montant: 60 },
  { nature: 'HEBERGEMENT', quantite: 10, prixUnitaire: 6, montant: 60 },
  { nature: 'PREMIER_EQUIPEMENT', quantite: 1, prixUnitaire: 450, montant: 450 },
];

const euros = (n: number): number => Math.round(n * 100) / 100;

/** The date part of a date read back (`2026-09-01T00:00:00Z` → `2026-09-01`): read models may carry date-times. */
const jour = (date: string): string => date.slice(0, 10);

/** The employer of a CERFA, read back under `employeurV2` by some OPCOs (wire-format.md §2). */
function employeurDe(cerfa: Cerfa): Cerfa['employeur'] {
  const employeur = cerfa.employeur ?? (cerfa as { employeurV2?: Cerfa['employeur'] }).employeurV2;
  if (!employeur) throw new Error("le CERFA n'a ni employeur ni employeurV2");
  return employeur;
}

/** The invoice of échéance `numero` of an engaged dossier exactly as the OPCO announced it (IBAN, SIRET, amounts). */
export function factureDe(dossier: DossierLu, numeroInterneFacture: string, numero: number, today: string, frais: FraisAnnexe[] = []): Facture {
  const echeance = dossier.echeances.find((e) => e.numero === numero);
  if (!echeance) throw new Error(`le dossier n'a pas d'échéance ${numero}`);
  const montant = euros(echeance.montantTotal + frais.reduce((sum, f) => sum + f.montant, 0));
  return {
    numeroInterneFacture,
    referenceFactureCFA: `REF-${numeroInterneFacture}`,
    dateFacture: today,
    organismeFormation: { siret: echeance.siret, IBAN: echeance.iban, denomination: dossier.cerfa.organismeFormation.denomination, uaiCfa: dossier.cerfa.organismeFormation.uaiCfa },
    montantTotal: montant,
    lignes: [
      {
        numeroInterneDossier: dossier.cerfa.numeroInterne,
        numeroExterneDossier: dossier.cerfa.numeroExterne,
        numeroEcheance: echeance.numero,
        montantEcheance: echeance.montantTotal,
        montantPedagogique: echeance.montantPedagogique,
        montantMajorationRQTH: echeance.montantMajorationRQTH,
        ...(frais.length > 0 ? { fraisAnnexes: frais } : {}),
        montant,
      },
    ],
  };
}

/**
 * The convention of a CERFA (as deposited with its number, or as read back), signed by both parties on the
 * conclusion date: contract, CFA and training copied from the CERFA, 100 meals, 20 nights and a 500 € first
 * equipment unless `couts` says otherwise. Dates read back as date-times are cut to their date.
 */
export function conventionDuCerfa(
  cerfa: Cerfa,
  couts: Partial<Convention['couts']> & Pick<Convention['couts'], 'coutTotalPedagogieCFA'>,
  dateSignature = jour(cerfa.contrat.dateConclusion),
): Convention {
  const { coutTotalPedagogieCFA, ...autresCouts } = couts;
  if (!cerfa.numeroInterne) throw new Error("le CERFA n'a pas de numeroInterne : la convention s'y réfère");
  return {
    numeroInterneDossier: cerfa.numeroInterne,
    employeur: { siret: employeurDe(cerfa).siret },
    apprenti: { nom: cerfa.apprenti.nom, prenom: cerfa.apprenti.prenom },
    contrat: { dateDebutContrat: jour(cerfa.contrat.dateDebutContrat), dateFinContrat: jour(cerfa.contrat.dateFinContrat) },
    organismeFormation: { siret: cerfa.organismeFormation.siret, uaiCfa: cerfa.organismeFormation.uaiCfa },
    formation: {
      dateDebutFormation: jour(cerfa.formation.dateDebutFormation),
      dateFinFormation: jour(cerfa.formation.dateFinFormation),
      dureeFormation: cerfa.formation.dureeFormation,
      rncp: cerfa.formation.rncp,
      intituleQualification: cerfa.formation.intituleQualification,
    },
    couts: {
      coutTotalPedagogieCFA,
      montantRQTHAnnee1: null,
      montantRQTHAnnee2: null,
      nombreRepasTotaux: 100,
      nombreHebergementTotaux: 20,
      montantPremierEquipement: 500,
      mentionMobiliteInternationale: false,
      accompagnementDROM: false,
      ...autresCouts,
    },
    mandatEmployeur: true,
    dateSignature,
    attestationConventionSigneeEntreprise: true,
    attestationConventionSigneeCFA: true,
    attestationConventionSignatureProbante: true,
    attestationConventionConformeJSON: true,
  };
}

/** The convention of a dossier as the OPCO engaged it: the pedagogy cost is the committed amount. */
export function conventionDe(dossier: DossierLu): Convention {
  return conventionDuCerfa(dossier.cerfa, { coutTotalPedagogieCFA: dossier.engagement ?? 0 });
}

/**
 * The invoice of every échéance of a dossier not yet invoiced (nothing paid nor being processed on it), one line
 * each, at the contract's end, with the final certificat de réalisation of the whole contract: the balances paid
 * after service fait (contracts concluded from 2025-07-01, FIN-22) need it.
 */
export function factureSoldeDe(dossier: DossierLu, numeroInterneFacture: string, today: string): Facture {
  const dues = dossier.echeances.filter((e) => e.montantRegle + e.montantEnCoursInstruction === 0);
  const lignes = dues.map((e) => factureDe(dossier, numeroInterneFacture, e.numero, today).lignes[0]!);
  const derniere = dues.at(-1) ?? dossier.echeances.at(-1);
  const base = factureDe(dossier, numeroInterneFacture, derniere?.numero ?? 1, today);
  const { cerfa } = dossier;
  const certificatRealisation: Certificat = {
    typeCertificat: 'Final',
    numeroInterneDossier: cerfa.numeroInterne,
    numeroInterneFacture,
    dateSignature: today,
    attestationConservationPieces: true,
    natureAction: 'Formation par apprentissage',
    employeur: { siret: employeurDe(cerfa).siret },
    apprenti: { nom: cerfa.apprenti.nom, prenom: cerfa.apprenti.prenom },
    organismeFormation: { siret: base.organismeFormation.siret },
    echeance: { numero: derniere?.numero ?? 1, dateDebut: jour(cerfa.contrat.dateDebutContrat), dateFin: jour(cerfa.contrat.dateFinContrat) },
  };
  return { ...base, lignes, montantTotal: euros(lignes.reduce((sum, l) => sum + l.montant, 0)), certificatRealisation };
}
