// The CERFA 10103 of generated record i: a coherent contract (people, places, dates, training, legal remuneration).
import type { Cerfa, RemunerationAnnuelle } from '../model/payloads.js';
import {
  baseMensuelle,
  calendar,
  datesRemuneration,
  MAYOTTE,
  periodesRemunerationMinimale,
  salaireBrut,
  smicEnVigueur,
  smicTable,
} from '../remuneration/index.js';
import { cfaFor, type CfaProfile } from './cfa.js';
import * as id from './identities.js';
import { PHASE, Weighted, chance, int, pick, reseed } from './random.js';
import { drawApprenti } from './apprenti.js';
import { employeur, maitre, sansDepartement } from './parties.js';
import { styleDe, type StyleLogiciel } from './style.js';
import {
  CERTIFICATIONS,
  LIEUX_FORMATION,
  SECTEURS,
  departementOf,
  type Certification,
  type CertificationKey,
  type Secteur,
} from './samples.js';

const { addDays, addYears, ageAt, daysBetween, formatIsoDate, ymd } = calendar;

/** Contracts start between these dates (fixed, so output never depends on the wall clock). */
export const DEBUT_FENETRE = ymd(2024, 9, 1);
export const FIN_FENETRE = ymd(2026, 10, 31);

/** Hiring months weighted as in real apprenticeship (most contracts start in September and October). */
const MOIS_DEBUT = new Weighted<number>((() => {
  const poids: Record<number, number> = { 1: 1.5, 2: 1, 3: 1, 4: 0.8, 5: 0.8, 6: 0.8, 7: 1, 8: 2, 9: 12, 10: 7, 11: 2, 12: 1 };
  const mois: [number, number][] = [];
  for (let y = 2024, m = 9; y * 100 + m <= 202610; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    mois.push([y * 100 + m, poids[m] ?? 1]);
  }
  return mois;
})());

const SECTEUR = new Weighted(SECTEURS.map((s) => [s, s.weight] as const));

/** Everything the other payloads of the same dossier need to know about the CERFA draw. */
export interface CerfaDraw {
  /** The CERFA as the rules judge it: the inner object of the deposit body, dates as `YYYY-MM-DD`. */
  cerfa: Cerfa;
  /** How its software writes it on the wire (fil.ts applies the date form when the body is written). */
  style: StyleLogiciel;
  /**
   * The dossier's number: the CFA's, sent in `cerfa.numeroInterne` by most software; when the CERFA carries none,
   * the one the OPCO assigned (the dossier, invoice, convention and certificat all use it).
   */
  numeroInterne: string;
  /** The employer's département (from its commune's INSEE code, whether or not the address carries it). */
  departementEmployeur: string;
  secteur: Secteur;
  certification: Certification;
  cfa: CfaProfile;
  /** Annual RQTH majoration (0 without RQTH). */
  majorationRQTH: number;
  /** 4-character tag of the seed, part of every generated number so two seeds never share one. */
  seedTag: string;
}

const seedTags = new Map<number, string>();

/** Upper-case base-36 tag of a seed (cached: the same few seeds are asked a million times). */
export function seedTag(seed: number): string {
  let tag = seedTags.get(seed);
  if (tag === undefined) {
    let h = (seed ^ 0x5bd1e995) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0;
    tag = ((h ^ (h >>> 15)) >>> 0).toString(36).toUpperCase().padStart(4, '0').slice(-4);
    if (seedTags.size > 1000) seedTags.clear();
    seedTags.set(seed, tag);
  }
  return tag;
}

function dateDebutContrat(): number {
  const ym = MOIS_DEBUT.draw();
  // Many contracts start on the first days of the month; never after the 28th so anniversaries are exact.
  const jour = chance(0.45) ? int(1, 5) : int(1, 28);
  const d = ymd(Math.floor(ym / 100), ym % 100, jour);
  return d < DEBUT_FENETRE ? DEBUT_FENETRE : d > FIN_FENETRE ? FIN_FENETRE : d;
}

/** DECA number: département (3) + year + month + NC + 4 digits (research §3.4). */
export function numeroDeca(departement: string, date: number): string {
  const iso = formatIsoDate(date);
  return `${departement.padStart(3, '0')}${iso.slice(0, 4)}${iso.slice(5, 7)}NC${String(int(0, 9999)).padStart(4, '0')}`;
}

/**
 * Remuneration lines at or above the legal minimum (conformance/remuneration): the minimum periods, each raised
 * by 0, 5, 10 or 15 points (capped at 100) for about a third of the employers, gross pay on the SMIC (or SMC) base.
 */
function remunerations(cerfa: Cerfa, departement: string): RemunerationAnnuelle[] {
  const dates = datesRemuneration(cerfa);
  if (!dates) throw new Error('generator bug: unreadable contract dates');
  const smic = smicEnVigueur(smicTable(), dates.debutContrat, departement === MAYOTTE ? MAYOTTE : undefined);
  const bonus = chance(0.3) ? pick([5, 10, 15]) : 0;
  return periodesRemunerationMinimale(dates).map((p) => {
    const taux = Math.min(100, p.tauxMinimal + bonus);
    const { typeSalaire, base } = baseMensuelle(p.age, smic, cerfa.contrat.smc);
    const ligne: RemunerationAnnuelle = {
      dateDebut: formatIsoDate(p.dateDebut),
      dateFin: formatIsoDate(p.dateFin),
      taux,
      tauxMinimal: p.tauxMinimal,
      typeSalaire,
      ordre: `${p.anneeContrat}.${p.periode}`,
    };
    if (base !== undefined) ligne.salaireBrut = salaireBrut(base, taux);
    return ligne;
  });
}

/**
 * Builds the CERFA of (seed, index) and what the dossier's other payloads need. `complet` forces every optional
 * part (maître 2, distance hours, a main training site apart from the CFA) so that plants needing one always find it.
 */
export function drawCerfa(seed: number, index: number, complet = false): CerfaDraw {
  reseed(seed, index, PHASE.record);
  const secteur = SECTEUR.draw();
  const certificationKey: CertificationKey = pick(secteur.certifications);
  const certification: Certification = CERTIFICATIONS[certificationKey];
  const cfaIndex = int(0, 63);
  // The CFA comes from the seed's pool (cached); the record's own draws resume on a fresh phase.
  const cfa = cfaFor(seed, cfaIndex);
  reseed(seed, index, PHASE.suite);
  const style = styleDe(seed, index, complet);

  // Dates: start, conclusion, end, training.
  const debut = dateDebutContrat();
  const conclusion = addDays(debut, -int(0, 40));
  const raccourci = chance(0.4) ? int(0, 60) : 0;
  const fin = addDays(addYears(debut, certification.annees), -1 - raccourci);
  const debutFormation = addDays(debut, chance(0.5) ? 0 : int(1, 21));
  const finFormation = addDays(fin, -int(0, 45));
  const jours = daysBetween(debut, fin) + 1;
  // CFA hours ≥ 25 % of the contract's working time (L6211-2); 30 % leaves a margin over the rules' rounding.
  const heuresMinimales = Math.ceil((0.3 * jours * 1607) / 365 / 10) * 10;
  const dureeFormation = Math.min(9999, Math.max(certification.heures, heuresMinimales));

  // Employer, near its CFA most of the time.
  const communeEmployeur = chance(0.7) ? id.commune(cfa.adresse.departement) : id.commune();
  const { nom: denominationEmployeur, slug: domaineEmployeur } = id.denomination(pick(secteur.denominations), communeEmployeur.nom);
  const departementEmp = departementOf(communeEmployeur);
  const employeurCerfa = employeur(secteur, style, communeEmployeur, denominationEmployeur, domaineEmployeur);

  // Apprentice.
  const { apprenti, naissance, handicap, successif } = drawApprenti({ secteur, certification, style, debut, conclusion, departementEmployeur: departementEmp });

  const numeroInterne = `${formatIsoDate(debut).slice(0, 4)}${seedTag(seed)}${String(index).padStart(7, '0')}`;
  const lieuFormationIdentique = !(complet || chance(0.12));
  const cerfa: Cerfa = {
    ...(style.numeroInterne ? { numeroInterne } : {}),
    ...(style.entete ? { versionCERFA: '10103*14', CERFASignatureProbante: chance(0.7) } : {}),
    employeur: employeurCerfa,
    apprenti,
    maitre1: maitre(debut, secteur, domaineEmployeur),
    organismeFormation: {
      formationInterne: false,
      siret: cfa.siret,
      uaiCfa: cfa.uai,
      denomination: cfa.denomination,
      adresse: style.departementAdresse ? { ...cfa.adresse } : sansDepartement(cfa.adresse),
      ...(style.famille === 'fil' || !lieuFormationIdentique ? { lieuFormationIdentique } : {}),
    },
    formation: {
      rncp: certification.rncp,
      codeDiplome: certification.codeDiplome,
      typeDiplome: certification.typeDiplome,
      intituleQualification: certification.intitule,
      dateDebutFormation: formatIsoDate(debutFormation),
      dateFinFormation: formatIsoDate(finFormation),
      dureeFormation,
    },
    contrat: {
      modeContractuel: chance(0.03) ? 2 : 1,
      typeContratApp: successif ? pick([21, 22]) : 11,
      dateConclusion: formatIsoDate(conclusion),
      dateDebutContrat: formatIsoDate(debut),
      dateFormationPratiqueEmployeur: formatIsoDate(debut),
      dateFinContrat: formatIsoDate(fin),
      dureeTravailHebdoHeures: 35,
      dureeTravailHebdoMinutes: 0,
      travailRisque: false,
      salaireEmbauche: 0,
      remunerationsAnnuelles: [],
      autreAvantageEnNature: false,
      lieuSignatureContrat: communeEmployeur.nom,
    },
  };
  if (!lieuFormationIdentique) {
    // A main training site of the CFA apart from its seat: a lycée or an antenna in the CFA's département.
    const lieu = id.commune(cfa.adresse.departement);
    const modele = pick(LIEUX_FORMATION);
    const denomination = id.denomination(modele, lieu.nom).nom;
    // A lycée is a public establishment (EPLE): its SIREN is in the public range; an antenna or campus is the CFA's.
    const site = { denomination, siret: id.siret(modele.startsWith('Lycée') ? 'public' : 'prive'), adresse: id.adresse(lieu, style) };
    cerfa.organismeFormationLieuFormationPrincipal = chance(0.5) ? { ...site, uaiCfa: id.uai(departementOf(lieu)) } : site;
  }
  if (chance(0.1) || complet) cerfa.maitre2 = maitre(debut, secteur, domaineEmployeur);
  if (chance(0.15) || complet) cerfa.formation.nombreHeuresEnDistanciel = Math.round(dureeFormation * pick([0.05, 0.1, 0.15]));
  if (successif) {
    // The previous apprenticeship ended just before this one (registered in the employer's département).
    cerfa.contrat.numeroContratPrecedent = numeroDeca(departementEmp, addYears(debut, -2));
  }
  if (secteur.codeIdcc === '1979' && chance(0.4)) {
    // HCR meals: deducted at most 75 % of the standard value for apprentices (D6222-33), 3 € stays below it.
    cerfa.contrat.avantageNourriture = 3;
  }
  // The SMC is asked when the apprentice reaches 21 before the end; branch minima sit at or just above the SMIC.
  if (ageAt(naissance, fin) >= 21) {
    const smic = smicEnVigueur(smicTable(), debut, departementEmp === MAYOTTE ? MAYOTTE : undefined);
    if (smic) cerfa.contrat.smc = Math.round(smic.mensuel * pick([1, 1, 1.01, 1.02, 1.03]) * 100) / 100;
  }
  const lignes = remunerations(cerfa, departementEmp);
  cerfa.contrat.remunerationsAnnuelles = lignes;
  cerfa.contrat.salaireEmbauche = lignes[0]?.salaireBrut ?? 0;

  return {
    cerfa,
    style,
    numeroInterne,
    departementEmployeur: departementEmp,
    secteur,
    certification,
    cfa,
    majorationRQTH: handicap ? pick([2000, 3000, 4000]) : 0,
    seedTag: seedTag(seed),
  };
}
