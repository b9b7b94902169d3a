// Valid payloads for the mock's tests: a CERFA that passes every blocking rule (and its wire body), the invoice of its first échéance.
import type { Cerfa, Certificat, Convention, DepotCerfa, Facture, FraisAnnexe } from '../../conformance/model/payloads.js';
import { enveloppeCerfa } from '../../conformance/model/depot-cerfa.js';
import type { DossierLu } from '../../conformance/model/dossier.js';
import { DEMO } from '../tenants.js';
import { conventionDuCerfa, factureDe, FRAIS_VALIDES } from '../../conformance/suite/builders.js';

/** Headers every call needs (the demo key, the software triplet). */
export const HEADERS = {
  'x-api-key': DEMO.apiKey,
  editeur: 'Editeur Test',
  logiciel: 'Logiciel Test',
  version: '1.0.0',
} as const;

/**
 * A CERFA of an apprentice aged 21 for the whole contract (one remuneration band), a BTS known to the sample
 * référentiel (NPEC 7 000 €), contract 2026-01-15 → 2028-01-14, concluded on 2026-01-10. The inner object of the
 * wire's deposit body (`depotCerfa` wraps it), with `YYYY-MM-DD` dates as the rules judge them.
 */
export function validCerfa(numeroInterne = 'DOS-0001', overrides: { nom?: string; prenom?: string; dateNaissance?: string; handicap?: boolean } = {}): Cerfa {
  return {
    numeroInterne,
    versionCERFA: '10103*14',
    CERFASignatureProbante: true,
    employeur: {
      siret: '42100000100006',
      denomination: 'Boulangerie des Tests',
      adresse: { adresse1: '12 rue des Essais', adresse2: '', codePostal: '75011', commune: 'Paris', departement: '75' },
      telephone: '0102030405',
      courriel: 'contact@boulangerie-tests.example',
      typeEmployeur: 11,
      employeurSpecifique: 0,
      naf: '1071C',
      nombreDeSalaries: 12,
      codeIdcc: '0843',
      caisseComplementaire: 'AG2R',
      attestationEligibilite: true,
      attestationPieces: true,
    },
    apprenti: {
      nom: overrides.nom ?? 'MARTIN',
      nomUsage: null,
      prenom: overrides.prenom ?? 'Lucas',
      sexe: 'M',
      dateNaissance: overrides.dateNaissance ?? '2004-09-01',
      lieuNaissanceFrance: true,
      communeNaissance: 'Paris',
      departementNaissance: '075',
      nir: '104097505612347',
      nationalite: 1,
      regimeSocial: 2,
      adresse: { adresse1: '3 avenue des Apprentis', adresse2: '', codePostal: '75012', commune: 'Paris', departement: '75' },
      telephone: '0607080910',
      courriel: 'lucas.martin@example.org',
      handicap: overrides.handicap ?? false,
      situationAvantContrat: 2,
      diplomePrepare: 54,
      diplome: 43,
      derniereClasse: 1,
      intituleDiplomePrepare: 'BTS Management commercial opérationnel',
      apprentiMineur: false,
    },
    maitre1: {
      nom: 'DURAND',
      prenom: 'Claire',
      dateNaissance: '1980-05-05',
      courriel: 'claire.durand@boulangerie-tests.example',
      emploiOccupe: 'Responsable de magasin',
      intituleDiplomeObtenu: 'BTS MCO',
      niveauDiplomeObtenu: 5,
    },
    organismeFormation: {
      formationInterne: false,
      siret: DEMO.siret,
      uaiCfa: '0751234J',
      denomination: 'CFA de démonstration',
      adresse: { adresse1: '1 place de la Formation', adresse2: '', codePostal: '75013', commune: 'Paris', departement: '75' },
      lieuFormationIdentique: true,
    },
    formation: {
      rncp: 'RNCP35185',
      codeDiplome: '32031211',
      typeDiplome: 54,
      intituleQualification: 'BTS Management commercial opérationnel',
      dateDebutFormation: '2026-01-19',
      dateFinFormation: '2027-12-17',
      dureeFormation: 1350,
      nombreHeuresEnDistanciel: 0,
    },
    contrat: {
      modeContractuel: 1,
      typeContratApp: 11,
      dateConclusion: '2026-01-10',
      dateDebutContrat: '2026-01-15',
      dateFormationPratiqueEmployeur: '2026-01-15',
      dateFinContrat: '2028-01-14',
      dureeTravailHebdoHeures: 35,
      dureeTravailHebdoMinutes: 0,
      travailRisque: false,
      // 53 % of the SMIC of January 2026 to the cent: the first remuneration period (coherence-salaire-embauche).
      salaireEmbauche: 966.21,
      remunerationsAnnuelles: [
        { dateDebut: '2026-01-15', dateFin: '2027-01-14', taux: 53, tauxMinimal: 53, typeSalaire: 'SMIC', ordre: '1.1' },
        { dateDebut: '2027-01-15', dateFin: '2028-01-14', taux: 61, tauxMinimal: 61, typeSalaire: 'SMIC', ordre: '2.1' },
      ],
      autreAvantageEnNature: false,
      lieuSignatureContrat: 'Paris',
    },
  };
}

/** The body of POST /v2/dossiers for `validCerfa(…)`: the wire's `{"cerfa": …}`. */
export function depotCerfa(numeroInterne = 'DOS-0001', overrides: Parameters<typeof validCerfa>[1] = {}): DepotCerfa {
  return enveloppeCerfa(validCerfa(numeroInterne, overrides));
}

/** The convention of a CERFA: 100 meals, 20 nights and a 500 € first equipment, 14 000 € of pedagogy, signed by both parties. */
export function conventionFor(cerfa: Cerfa): Convention {
  return conventionDuCerfa(cerfa, { coutTotalPedagogieCFA: 14000 });
}

/** An intermediate certificat de réalisation of one échéance, for the period from its start to the day before `today`. */
export function certificatFor(dossier: DossierLu, numeroInterneFacture: string, numero: number, today: string): Certificat {
  const echeance = dossier.echeances.find((e) => e.numero === numero);
  if (!echeance?.dateDebut) throw new Error(`échéance ${numero} absente`);
  const veille = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const cerfa = dossier.cerfa;
  return {
    typeCertificat: 'Intermediaire',
    numeroInterneDossier: cerfa.numeroInterne,
    numeroInterneFacture,
    dateSignature: today,
    lieuSignature: 'Paris',
    representantLegal: { nom: 'DIRECTION', prenom: 'Camille', qualite: 'Directrice du CFA' },
    attestationConservationPieces: true,
    natureAction: 'Formation par apprentissage',
    employeur: { siret: cerfa.employeur.siret },
    apprenti: { nom: cerfa.apprenti.nom, prenom: cerfa.apprenti.prenom },
    organismeFormation: { siret: echeance.siret },
    echeance: { numero, codification: echeance.codification, duree: 35, dateDebut: echeance.dateDebut, dateFin: veille, echeancePartielle: false },
  };
}

export interface FactureOptions {
  /** Frais annexes invoiced on the line (added to the line and the total). */
  fraisAnnexes?: FraisAnnexe[];
  /** Embeds the certificat de réalisation of the échéance. */
  certificat?: boolean;
}

/** Frais annexes within the caps and the amounts committed from conventionFor(): the suite's own set. */
export { FRAIS_VALIDES };

/** The invoice of échéance `numero` of an engaged dossier, exactly as the OPCO expects it. */
export function factureFor(dossier: DossierLu, numeroInterneFacture: string, numero = 1, today = '2026-02-01', options: FactureOptions = {}): Facture {
  const facture = factureDe(dossier, numeroInterneFacture, numero, today, options.fraisAnnexes ?? []);
  return options.certificat ? { ...facture, certificatRealisation: certificatFor(dossier, numeroInterneFacture, numero, today) } : facture;
}
