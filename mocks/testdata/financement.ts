// Test CERFAs for financing cases: any contract dates, certification, contract type and distance hours, valid for every blocking rule.
import type { Cerfa } from '../../conformance/model/payloads.js';
import { smicEnVigueur, smicTable } from '../../conformance/remuneration/index.js';
import { parseIsoDate } from '../../conformance/remuneration/calendar.js';
import { validCerfa } from './fixtures.js';

/** A certification as the CERFA names it (RNCP, code diplôme, CERFA type of diploma, title). */
export interface CertificationCerfa {
  rncp: string;
  codeDiplome: string;
  typeDiplome: number;
  intitule: string;
}

/** BTS MCO, level 5: the fixture's certification, NPEC 7 000 € in the sample référentiel. */
export const BTS_MCO: CertificationCerfa = { rncp: 'RNCP35185', codeDiplome: '32031211', typeDiplome: 54, intitule: 'BTS Management commercial opérationnel' };
/** Master, level 7 (a generated sample certification, absent from the sample référentiel). */
export const MASTER_MAE: CertificationCerfa = { rncp: 'RNCP34034', codeDiplome: '13531205', typeDiplome: 73, intitule: 'Master Management et administration des entreprises' };
/** Licence professionnelle, level 6. */
export const LICENCE_PRO: CertificationCerfa = { rncp: 'RNCP30082', codeDiplome: '25031224', typeDiplome: 62, intitule: 'Licence professionnelle Commerce et distribution' };

export interface ContratFinancement {
  dateConclusion: string;
  dateDebutContrat: string;
  dateFinContrat: string;
  certification?: CertificationCerfa;
  /** 11 by default; 23: a new contract with another employer after a rupture (then a previous DECA number is given). */
  typeContratApp?: number;
  /** Training hours (1 350 by default) and the hours at distance (0 by default). */
  dureeFormation?: number;
  heuresDistanciel?: number;
  handicap?: boolean;
  /** The apprentice's family name: two deposits with the same name and start date are duplicates. */
  nom?: string;
}

/**
 * The fixture's apprentice born on 15 March 2000 (NIR to match: 1 00 03 75 056 123, key 50), 20 to 27 years old
 * over the contracts tests use; one remuneration line at 100 % of the SMIC in force at the start, which is at or
 * above every legal minimum for those ages (no SMC is declared).
 */
export function cerfaFinancement(numeroInterne: string, c: ContratFinancement): Cerfa {
  const base = validCerfa(numeroInterne);
  const certification = c.certification ?? BTS_MCO;
  const debut = parseIsoDate(c.dateDebutContrat);
  const smic = debut === undefined ? undefined : smicEnVigueur(smicTable(), debut);
  if (!smic) throw new Error(`no SMIC for ${c.dateDebutContrat}`);
  const typeContratApp = c.typeContratApp ?? 11;
  return {
    ...base,
    apprenti: {
      ...base.apprenti,
      nom: c.nom ?? base.apprenti.nom,
      dateNaissance: '2000-03-15',
      nir: '100037505612350',
      handicap: c.handicap ?? false,
      diplomePrepare: certification.typeDiplome,
      intituleDiplomePrepare: certification.intitule,
      diplome: certification.typeDiplome >= 60 ? 54 : 43,
    },
    formation: {
      rncp: certification.rncp,
      codeDiplome: certification.codeDiplome,
      typeDiplome: certification.typeDiplome,
      intituleQualification: certification.intitule,
      dateDebutFormation: c.dateDebutContrat,
      dateFinFormation: c.dateFinContrat,
      dureeFormation: c.dureeFormation ?? 1350,
      nombreHeuresEnDistanciel: c.heuresDistanciel ?? 0,
    },
    contrat: {
      ...base.contrat,
      typeContratApp,
      ...(typeContratApp >= 21 && typeContratApp <= 23 ? { numeroContratPrecedent: `075${c.dateDebutContrat.slice(0, 4)}01NC0042` } : {}),
      dateConclusion: c.dateConclusion,
      dateDebutContrat: c.dateDebutContrat,
      dateFormationPratiqueEmployeur: c.dateDebutContrat,
      dateFinContrat: c.dateFinContrat,
      salaireEmbauche: smic.mensuel,
      remunerationsAnnuelles: [{ dateDebut: c.dateDebutContrat, dateFin: c.dateFinContrat, taux: 100, typeSalaire: 'SMIC', ordre: '1.1' }],
    },
  };
}
