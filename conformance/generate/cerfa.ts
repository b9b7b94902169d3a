// The CERFA 10103 of generated record i: a coherent contract (people, places, dates, training, legal remuneration).
import type { Cerfa, Maitre, Adresse, RemunerationAnnuelle, Apprenti } from '../model/payloads.js';
import {
  baseMensuelle,
  calendar,
  datesRemuneration,
  departementEmployeur,
  MAYOTTE,
  periodesRemunerationMinimale,
  salaireBrut,
  smicEnVigueur,
  smicTable,
} from '../remuneration/index.js';
import { cfaFor, type CfaProfile } from './cfa.js';
import * as id from './identities.js';
import { PHASE, Weighted, chance, int, pick, reseed } from './random.js';
import {
  CERTIFICATIONS,
  INTITULES_DIPLOME,
  NIVEAU_DIPLOME,
  PAYS_NAISSANCE,
  SECTEURS,
  departementOf,
  type Certification,
  type CertificationKey,
  type Secteur,
} from './samples.js';

const { addDays, addYears, ageAt, daysBetween, formatIsoDate, ymd, monthOf, dayOf } = calendar;

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

/** Per certification: the age at the start, weighted towards the band's lower end, always 16–29. */
const AGES = new Map<Certification, Weighted<number>>();
/** Per certification: the highest diploma held before, the first of `prerequis` most likely. */
const PREREQUIS = new Map<Certification, Weighted<number>>();

function prepared<K, T>(cache: Map<K, Weighted<T>>, key: K, build: () => (readonly [T, number])[]): Weighted<T> {
  let table = cache.get(key);
  if (table === undefined) {
    table = new Weighted(build());
    cache.set(key, table);
  }
  return table;
}

const SITUATION_TITRE = new Weighted<number>([[11, 5], [10, 2], [3, 1]]);
const SITUATION_SUPERIEUR = new Weighted<number>([[3, 5], [4, 3], [10, 1]]);
const SITUATION_MINEUR = new Weighted<number>([[1, 8], [2, 1]]);
const SITUATION_AUTRE = new Weighted<number>([[1, 4], [3, 3], [4, 1], [11, 1]]);

/** Everything the other payloads of the same dossier need to know about the CERFA draw. */
export interface CerfaDraw {
  cerfa: Cerfa;
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

/** A birth date giving exactly `age` whole years on `at`, never a 29 February (its birthdays are disputed). */
function naissancePourAge(age: number, at: number): number {
  const plusTard = addYears(at, -age);
  const plusTot = addDays(addYears(at, -(age + 1)), 1);
  let d = addDays(plusTot, int(0, daysBetween(plusTot, plusTard)));
  if (monthOf(d) === 2 && dayOf(d) === 29) d = ageAt(addDays(d, -1), at) === age ? addDays(d, -1) : addDays(d, 1);
  return d;
}

function ageApprenti(c: Certification): number {
  return prepared(AGES, c, () => {
    const min = Math.max(16, c.ages[0]);
    const max = Math.min(29, c.ages[1]);
    const choix: [number, number][] = [];
    for (let a = min; a <= max; a++) choix.push([a, 1 / (1 + (a - min) * 0.6)]);
    return choix;
  }).draw();
}

function sexeFor(secteur: Secteur): 'M' | 'F' {
  const pFemme = secteur.naf === '9602A' ? 0.85 : ['4321A', '4322A', '4520A', '2562B'].includes(secteur.naf) ? 0.06 : 0.5;
  return chance(pFemme) ? 'F' : 'M';
}

function maitre(dateDebut: number, secteur: Secteur, domaine: string): Maitre {
  const sexe = chance(0.5) ? 'F' : 'M';
  const prenom = id.prenom(sexe);
  const nom = id.nom();
  const diplome = pick(secteur.diplomesMaitre);
  return {
    nom,
    prenom,
    dateNaissance: formatIsoDate(naissancePourAge(int(28, 60), dateDebut)),
    courriel: id.courrielEntreprise(domaine, `${id.slug(prenom, '.')}.${id.slug(nom, '.')}`),
    emploiOccupe: pick(secteur.emplois),
    niveauDiplome: NIVEAU_DIPLOME[diplome] ?? 0,
    diplome: INTITULES_DIPLOME[diplome] ?? 'Aucun diplôme',
  };
}

/** Situation before the contract, coherent with age and level (7 and 8, training before the contract, never). */
function situationAvantContrat(age: number, c: Certification): number {
  if (c.typeDiplome === 58 || c.typeDiplome === 38) return SITUATION_TITRE.draw();
  if (c.typeDiplome >= 62) return SITUATION_SUPERIEUR.draw();
  if (age <= 18) return SITUATION_MINEUR.draw();
  return SITUATION_AUTRE.draw();
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
function remunerations(cerfa: Cerfa): RemunerationAnnuelle[] {
  const dates = datesRemuneration(cerfa);
  if (!dates) throw new Error('generator bug: unreadable contract dates');
  const departement = departementEmployeur(cerfa);
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
 * part (maître 2, distance hours) so that plants needing one always find it.
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
  const adresseEmployeur = id.adresse(communeEmployeur);
  const { nom: denominationEmployeur, slug: domaineEmployeur } = id.denomination(pick(secteur.denominations), communeEmployeur.nom);
  const departementEmp = departementOf(communeEmployeur);

  // Apprentice.
  const age = ageApprenti(certification);
  const naissance = naissancePourAge(age, debut);
  const dateNaissance = formatIsoDate(naissance);
  const sexe = sexeFor(secteur);
  const prenom = id.prenom(sexe);
  const nom = id.nom();
  const communeApprenti = chance(0.75) ? id.commune(departementEmp) : id.commune();
  const adresseApprenti: Adresse = { ...id.adresse(communeApprenti), pays: 'France' };
  let departementNaissance: string;
  let communeNaissance: string;
  let lieuNir: string;
  let nationalite = 1;
  const neEnFrance = !chance(0.06);
  if (neEnFrance) {
    const lieu = chance(0.6) ? id.commune(departementOf(communeApprenti)) : id.commune();
    departementNaissance = departementOf(lieu);
    communeNaissance = lieu.nom;
    lieuNir = lieu.insee;
    if (chance(0.04)) nationalite = pick([2, 3]);
  } else {
    const pays = pick(PAYS_NAISSANCE);
    departementNaissance = '99';
    communeNaissance = pays.ville;
    lieuNir = `99${pays.code}`;
    if (chance(0.55)) nationalite = pays.ue ? 2 : 3;
  }
  const handicap = chance(0.03);
  const diplome = prepared(PREREQUIS, certification, () => certification.prerequis.map((d, i) => [d, 1 / (i + 1)] as const)).draw();
  // Minor when the contract is signed: the legal representative signs it (minor at the start implies minor then).
  const mineur = ageAt(naissance, conclusion) < 18;
  const situation = situationAvantContrat(age, certification);
  const successif = situation === 4;

  const apprenti: Apprenti = {
    nom,
    prenom,
    sexe,
    dateNaissance,
    lieuNaissanceFrance: neEnFrance,
    communeNaissance,
    departementNaissance,
    nir: id.nir(sexe, dateNaissance, lieuNir),
    nationalite,
    regimeSocial: secteur.msa ? 1 : 2,
    adresse: adresseApprenti,
    telephone: id.telephoneMobile(),
    courriel: id.courrielPersonnel(prenom, nom),
    handicap,
    projetCreationRepriseEntreprise: false,
    inscriptionSportifDeHautNiveau: false,
    situationAvantContrat: situation,
    diplomePrepare: certification.typeDiplome,
    diplome,
    // 40: collège completed (holders of the brevet or no diploma); 1: last year followed and diploma obtained.
    derniereClasse: diplome === 25 || diplome === 13 ? 40 : 1,
    intituleDiplomePrepare: certification.intitule,
    apprentiMineur: mineur,
    apprentiMineurNonEmancipe: mineur,
  };
  if (mineur) {
    const prenomResponsable = id.prenom(chance(0.6) ? 'F' : 'M');
    apprenti.responsableLegal = {
      nom,
      prenom: prenomResponsable,
      courriel: id.courrielPersonnel(prenomResponsable, nom),
      memeAdresse: true,
    };
  }
  if (chance(0.03) && sexe === 'F') apprenti.nomUsage = id.nom();

  const numeroInterne = `${formatIsoDate(debut).slice(0, 4)}${seedTag(seed)}${String(index).padStart(7, '0')}`;
  const cerfa: Cerfa = {
    numeroInterne,
    mandatGestion: true,
    employeur: {
      privePublic: true,
      siret: id.siret(),
      denomination: denominationEmployeur,
      adresse: adresseEmployeur,
      telephone: id.telephoneFixe(departementEmp),
      courriel: id.courrielEntreprise(domaineEmployeur),
      typeEmployeur: secteur.typeEmployeur,
      employeurSpecifique: 0,
      naf: secteur.naf,
      nombreDeSalaries: int(secteur.salaries[0], secteur.salaries[1]),
      codeIdcc: secteur.codeIdcc,
      libelleIdcc: secteur.libelleIdcc,
    },
    apprenti,
    maitre1: maitre(debut, secteur, domaineEmployeur),
    organismeFormation: {
      formationInterne: false,
      siret: cfa.siret,
      uaiCfa: cfa.uai,
      denomination: cfa.denomination,
      adresse: { ...cfa.adresse },
    },
    etablissementFormation: { memeResponsable: true },
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
      dateDebutFormationPratique: formatIsoDate(debut),
      dateFinContrat: formatIsoDate(fin),
      dureeTravailHebdoHeures: 35,
      dureeTravailHebdoMinutes: 0,
      travailRisque: false,
      salaireEmbauche: 0,
      remunerationsAnnuelles: [],
      avantageNature: false,
      lieuSignatureContrat: communeEmployeur.nom,
    },
    signatures: {
      attestationPiecesJustificatives: true,
      attestationEligibiliteMaitre: true,
      lieu: communeEmployeur.nom,
    },
  };
  if (chance(0.1) || complet) cerfa.maitre2 = maitre(debut, secteur, domaineEmployeur);
  if (chance(0.15) || complet) cerfa.formation.nombreHeuresEnDistanciel = Math.round(dureeFormation * pick([0.05, 0.1, 0.15]));
  if (successif) {
    // The previous apprenticeship ended just before this one (registered in the employer's département).
    cerfa.contrat.numeroContratPrecedent = numeroDeca(departementEmp, addYears(debut, -2));
  }
  if (secteur.codeIdcc === '1979' && chance(0.4)) {
    // HCR meals: deducted at most 75 % of the standard value for apprentices (D6222-33), 3 € stays below it.
    cerfa.contrat.avantageNature = true;
    cerfa.contrat.avantageNourriture = 3;
  }
  // The SMC is asked when the apprentice reaches 21 before the end; branch minima sit at or just above the SMIC.
  if (ageAt(naissance, fin) >= 21) {
    const smic = smicEnVigueur(smicTable(), debut, departementEmp === MAYOTTE ? MAYOTTE : undefined);
    if (smic) cerfa.contrat.smc = Math.round(smic.mensuel * pick([1, 1, 1.01, 1.02, 1.03]) * 100) / 100;
  }
  const lignes = remunerations(cerfa);
  cerfa.contrat.remunerationsAnnuelles = lignes;
  cerfa.contrat.salaireEmbauche = lignes[0]?.salaireBrut ?? 0;

  return {
    cerfa,
    secteur,
    certification,
    cfa,
    majorationRQTH: handicap ? pick([2000, 3000, 4000]) : 0,
    seedTag: seedTag(seed),
  };
}
