// The payloads a CFA sends to an OPCO (CERFA 10103, invoice, convention, certificat) as TypeScript types.
//
// The CERFA follows the wire format real CFA software sends and reads (shared/research/wire-format.md §1–2): the
// deposit body is `{"cerfa": Cerfa}`, addresses are `adresse1`/`adresse2`, the employer carries its sworn
// statements. The other payloads follow norme.md §1.9–1.11. The spec (spec/openapi.yaml) describes exactly these
// shapes; a test keeps them in step. Dates travel as `YYYY-MM-DD` or as a date-time with an offset
// (`2026-09-01T00:00:00+00:00`); `lireDepotCerfa` (depot-cerfa.ts) gives the rules their date part. Amounts are
// euros as numbers with at most two decimals.

import type { SessionCfa } from './session.js';

/** ISO date `YYYY-MM-DD` (on the wire, a date-time with offset is accepted too; rules judge the date part). */
export type IsoDate = string;

/** A postal address as real software sends it (wire-format.md §1). */
export interface Adresse {
  /** Number and street, e.g. "12 rue de la République". */
  adresse1: string;
  /** Complement (building, lieu-dit…); software sends "" when there is none. */
  adresse2?: string | null;
  codePostal: string;
  commune: string;
  /** Département code: 01–95, 2A, 2B, 971–978, 984–989 (research §3.4). Not sent by the clients seen. */
  departement?: string;
  pays?: string;
}

export interface Employeur {
  /** true: employeur privé; false: employeur public. Not sent by the clients seen: derived from `typeEmployeur`. */
  privePublic?: boolean;
  siret: string;
  denomination: string;
  /** Name and first name of the person signing for the employer (wire-format.md §1). */
  nom?: string;
  prenom?: string;
  adresse: Adresse;
  telephone: string;
  courriel: string;
  /** 11–16 private, 21–30 public (30: EPIC, notice of CERFA 10103*14). */
  typeEmployeur: number;
  /** 0 none, 1 ETT, 2 groupement d'employeurs, 3 saisonnier, 4 apprentissage familial. */
  employeurSpecifique?: number;
  /** NAF/APE code, 4 digits + 1 letter (dot optional). */
  naf: string;
  nombreDeSalaries: number;
  /** IDCC, 4 digits (9999 none, 9998 under negotiation). */
  codeIdcc: string;
  libelleIdcc?: string;
  caisseComplementaire?: string;
  /** Public employers: adheres to the specific unemployment insurance scheme. */
  regimeSpecifique?: boolean;
  /** The employer attests the maître(s) meet the eligibility conditions (R6223-22). */
  attestationEligibilite?: boolean;
  /** The employer attests it holds the supporting documents. */
  attestationPieces?: boolean;
}

export interface ResponsableLegal {
  nom: string;
  prenom: string;
  courriel?: string;
  adresse?: Adresse;
  /** Not sent by the clients seen: an absent `adresse` means the apprentice's. */
  memeAdresse?: boolean;
}

export interface Apprenti {
  nom: string;
  /** Usage name; software sends null when there is none. */
  nomUsage?: string | null;
  prenom: string;
  sexe: 'M' | 'F';
  dateNaissance: IsoDate;
  lieuNaissanceFrance?: boolean;
  communeNaissance: string;
  /** Département of birth on 2 or 3 characters (`069`, `69`, `02A`), `099`/`99` abroad. */
  departementNaissance: string;
  /** NIR, 13 characters or 15 with its key; mandatory under the management mandate (seed 003). */
  nir: string;
  /** 1 française, 2 UE, 3 hors UE. */
  nationalite: number;
  /** 1 MSA, 2 URSSAF. */
  regimeSocial: number;
  adresse: Adresse;
  telephone: string;
  courriel: string;
  /** RQTH: recognised disabled worker; lifts the upper age limit and the 3-year duration limit. */
  handicap: boolean;
  /** When not RQTH: rights extended as bénéficiaire de l'obligation d'emploi / youth equivalence (CERFA 10103*14). */
  droitsRqthExtensionBOE?: boolean;
  droitsRqthEquivalenceJeune?: boolean;
  projetCreationRepriseEntreprise?: boolean;
  inscriptionSportifDeHautNiveau?: boolean;
  /** 1–12, see research §3.1. */
  situationAvantContrat: number;
  diplomePrepare: number;
  diplome: number;
  derniereClasse: number;
  intituleDiplomePrepare?: string;
  apprentiMineur?: boolean;
  apprentiMineurNonEmancipe?: boolean;
  responsableLegal?: ResponsableLegal;
}

export interface Maitre {
  nom: string;
  prenom: string;
  dateNaissance: IsoDate;
  courriel?: string;
  emploiOccupe?: string;
  /** Title of the highest diploma obtained. */
  intituleDiplomeObtenu?: string;
  /** Level of that diploma: 0, 3–8. */
  niveauDiplomeObtenu?: number;
  nir?: string;
}

export interface OrganismeFormation {
  /** true when the CFA is an in-company CFA. */
  formationInterne?: boolean;
  siret: string;
  uaiCfa: string;
  denomination: string;
  adresse: Adresse;
  /** true when the training takes place at this CFA; false → `organismeFormationLieuFormationPrincipal`. */
  lieuFormationIdentique?: boolean;
}

/** Main training site when it is not the organisme (`organismeFormation.lieuFormationIdentique: false`). */
export interface LieuFormationPrincipal {
  denomination: string;
  siret: string;
  uaiCfa?: string;
  adresse: Adresse;
}

export interface Formation {
  rncp: string;
  codeDiplome: string;
  typeDiplome?: number;
  intituleQualification: string;
  dateDebutFormation: IsoDate;
  dateFinFormation: IsoDate;
  /** Training hours at the CFA, 1–9999. */
  dureeFormation: number;
  nombreHeuresEnDistanciel?: number;
}

export interface RemunerationAnnuelle {
  dateDebut: IsoDate;
  dateFin: IsoDate;
  /** Percentage of SMIC or SMC. */
  taux: number;
  tauxMinimal?: number;
  typeSalaire: 'SMIC' | 'SMC';
  salaireBrut?: number;
  /** "1.1", "1.2", … "4.2". */
  ordre: string;
}

export interface Contrat {
  /** 1 durée limitée, 2 CDI, 3 ETT, 4 saisonnier à deux employeurs. */
  modeContractuel: number;
  /** 11 first contract; 21–23 successions; 31–38 avenants. */
  typeContratApp: number;
  /** 11, 12, 21, 22, 50, 60. */
  typeDerogation?: number;
  /** DECA number of the previous contract: required for 31–37. */
  numeroContratPrecedent?: string;
  /** Date of conclusion (signature) of the contract. */
  dateConclusion: IsoDate;
  dateDebutContrat: IsoDate;
  /** Start of the practical training at the employer's. */
  dateFormationPratiqueEmployeur?: IsoDate;
  dateFinContrat: IsoDate;
  /** Required for avenants 31–37. */
  dateEffetAvenant?: IsoDate;
  dureeTravailHebdoHeures: number;
  dureeTravailHebdoMinutes?: number;
  travailRisque?: boolean;
  /** Salaire minimum conventionnel (monthly, €), when more favourable than the SMIC from age 21. */
  smc?: number;
  salaireEmbauche: number;
  remunerationsAnnuelles: RemunerationAnnuelle[];
  /** Food benefit, € per meal. */
  avantageNourriture?: number;
  /** Housing benefit, € per month. */
  avantageLogement?: number;
  autreAvantageEnNature?: boolean;
  lieuSignatureContrat?: string;
}

/** The CERFA 10103 sent under the employer's management mandate: the `cerfa` member of the deposit body. */
export interface Cerfa {
  /**
   * The CFA's own dossier number, unique per CFA and OPCO. Travels here (our choice, spec/README.md); also accepted
   * beside `cerfa` at the body's root; when absent the OPCO assigns one and answers it.
   */
  numeroInterne?: string;
  /** Form version, e.g. "10103*14". */
  versionCERFA?: string;
  /** The contract was signed with a probative electronic signature. */
  CERFASignatureProbante?: boolean;
  employeur: Employeur;
  apprenti: Apprenti;
  maitre1: Maitre;
  maitre2?: Maitre;
  organismeFormation: OrganismeFormation;
  organismeFormationLieuFormationPrincipal?: LieuFormationPrincipal;
  formation: Formation;
  contrat: Contrat;
}

/** Body of POST /v1|v2/dossiers as real software sends it (wire-format.md §1). */
export interface DepotCerfa {
  cerfa: Cerfa;
  /** The other plausible placement of the CFA's number, accepted. */
  numeroInterne?: string;
}

/** A frais annexes line: nature, quantity and unit price (research §1.8, §2.5). */
export interface FraisAnnexe {
  nature: 'HEBERGEMENT' | 'RESTAURATION' | 'PREMIER_EQUIPEMENT' | 'MOBILITE_INTERNATIONALE';
  quantite: number;
  prixUnitaire: number;
  montant: number;
}

/** One invoice line: one échéance of one dossier. */
export interface LigneFacture {
  numeroInterneDossier: string;
  /** The OPCO's dossier number; missing → rejection (FAQ seed 003). */
  numeroExterneDossier?: string;
  numeroEcheance: number;
  /** The échéance's total as the CFA knows it; must match the OPCO's. */
  montantEcheance: number;
  /** Pedagogical amount invoiced on this line. */
  montantPedagogique: number;
  /** RQTH majoration invoiced on this line. */
  montantMajorationRQTH?: number;
  fraisAnnexes?: FraisAnnexe[];
  /** Line total: pedagogical + RQTH + frais annexes. */
  montant: number;
}

/** Certificat de réalisation (research §1.11), deposited alone or embedded in an invoice. */
export interface Certificat {
  typeCertificat: 'Intermediaire' | 'Final';
  numeroInterneDossier: string;
  numeroInterneFacture?: string;
  dateSignature?: IsoDate;
  lieuSignature?: string;
  representantLegal?: { nom: string; prenom: string; qualite: string };
  attestationConservationPieces?: boolean;
  natureAction?: string;
  employeur: { siret: string };
  apprenti: { nom: string; prenom: string; nomUsage?: string };
  organismeFormation: { siret: string };
  echeance: {
    numero: number;
    codification?: string;
    /** Hours performed over the period. */
    duree?: number;
    dateDebut?: IsoDate;
    dateFin?: IsoDate;
    echeancePartielle?: boolean;
  };
}

/** Body of POST /v1|v2/factures (research §1.9; shape designed so each FAQ rejection can be expressed). */
export interface Facture {
  numeroInterneFacture: string;
  referenceFactureCFA?: string;
  dateFacture: IsoDate;
  /** The emitting CFA. */
  organismeFormation: { siret: string; IBAN?: string; denomination?: string; uaiCfa?: string };
  montantTotal: number;
  lignes: LigneFacture[];
  certificatRealisation?: Certificat;
}

/** Body of POST /v1/conventions (research §1.10). */
export interface Convention {
  numeroInterneDossier: string;
  employeur: { siret: string };
  apprenti: { nom: string; prenom: string; nomUsage?: string };
  contrat: { dateDebutContrat: IsoDate; dateFinContrat: IsoDate };
  organismeFormation: { siret: string; uaiCfa?: string };
  formation: {
    dateDebutFormation: IsoDate;
    dateFinFormation: IsoDate;
    dureeFormation: number;
    rncp?: string;
    intituleQualification?: string;
  };
  couts: {
    coutTotalPedagogieCFA: number;
    montantRQTHAnnee1?: number | null;
    montantRQTHAnnee2?: number | null;
    montantRQTHAnnee3?: number | null;
    nombreRepasTotaux?: number;
    nombreHebergementTotaux?: number;
    montantPremierEquipement?: number;
    mentionMobiliteInternationale?: boolean;
    accompagnementDROM?: boolean;
  };
  mandatEmployeur: boolean;
  dateSignature: IsoDate;
  attestationConventionSigneeEntreprise: boolean;
  attestationConventionSigneeCFA: boolean;
  attestationConventionSignatureProbante?: boolean;
  attestationConventionConformeJSON?: boolean;
}

/**
 * One HTTP exchange of the server suite (`convergence test opco`): what the suite sent, what the server answered and
 * what the scenario step expected. The `serveur` rules judge exchanges, not payloads; headers are lower-cased and the
 * API keys in them already redacted by the suite.
 */
export interface Echange {
  /** Scenario id and step id (scenarios/*.yaml). */
  scenario: string;
  step: string;
  request: { method: string; path: string; headers: Record<string, string>; body?: unknown };
  response: {
    status: number;
    headers: Record<string, string>;
    body?: unknown;
    /** Errors of the body against the spec's response schema for this operation and status (computed by the suite). */
    schemaErrors?: string[];
  };
  expected?: AttenteEchange;
}

/** What a scenario step expects; each server rule listed in `regles` judges the parts it owns. */
export interface AttenteEchange {
  /** Server rule ids that judge this exchange. */
  regles: string[];
  /** Acceptable statuses. */
  status?: number[];
  /** Error codes that must be present in `errors[].code`. */
  codes?: string[];
  /** Expected values by JSON path of the response body (`cerfa.etat`). */
  champs?: Record<string, unknown>;
  /**
   * The dossier's state reached at least this far (`TRANSMIS`: TRANSMIS or any later state), judged by order with
   * `etatsLus`, not by sampling: a server that decides faster than the suite polls is not wrong.
   */
  etat?: string;
  /** The states of the same dossier read by the scenario's earlier steps, in order. */
  etatsLus?: string[];
  /** The payload rule the request body was planted to violate (`facture-iban-identique-echeance`). */
  plant?: string;
  /** Paged listings: elements read on every page up to this last one (must equal `total`). */
  cumul?: number;
  /** numeroInterne values that must not appear (another CFA's dossiers). */
  absents?: string[];
  /** The numeroInterne the answer must contain (appairage). */
  numeroInterne?: string;
}

export type PayloadKind = 'cerfa' | 'convention' | 'facture' | 'certificat';

/**
 * What a rule may judge: a payload, (area `serveur`) an HTTP exchange with an OPCO's server, or (area `client`) a CFA
 * software's whole certification session. Kept apart so payload tools ignore exchanges and sessions.
 */
export type RuleKind = PayloadKind | 'echange' | 'session';

export interface PayloadByKind {
  cerfa: Cerfa;
  convention: Convention;
  facture: Facture;
  certificat: Certificat;
  echange: Echange;
  session: SessionCfa;
}
