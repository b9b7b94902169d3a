// The apprentice of a generated CERFA: age fitted to the certification, birth place and NIR, diploma held, situation.
import type { Adresse, Apprenti } from '../model/payloads.js';
import { calendar } from '../remuneration/index.js';
import * as id from './identities.js';
import { naissancePourAge, sexeFor, surTrois } from './parties.js';
import { Weighted, chance, pick } from './random.js';
import { PAYS_NAISSANCE, departementOf, type Certification, type Secteur } from './samples.js';
import type { StyleLogiciel } from './style.js';

const { ageAt, formatIsoDate } = calendar;

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

function ageApprenti(c: Certification): number {
  return prepared(AGES, c, () => {
    const min = Math.max(16, c.ages[0]);
    const max = Math.min(29, c.ages[1]);
    const choix: [number, number][] = [];
    for (let a = min; a <= max; a++) choix.push([a, 1 / (1 + (a - min) * 0.6)]);
    return choix;
  }).draw();
}

/** Situation before the contract, coherent with age and level (7 and 8, training before the contract, never). */
function situationAvantContrat(age: number, c: Certification): number {
  if (c.typeDiplome === 58 || c.typeDiplome === 38) return SITUATION_TITRE.draw();
  if (c.typeDiplome >= 62) return SITUATION_SUPERIEUR.draw();
  if (age <= 18) return SITUATION_MINEUR.draw();
  return SITUATION_AUTRE.draw();
}

export interface ApprentiDraw {
  apprenti: Apprenti;
  /** Birth date (Ymd). */
  naissance: number;
  /** RQTH: the dossier carries the majoration. */
  handicap: boolean;
  /** Coming from a previous apprenticeship contract (situation 4): the contract is a succession (21, 22). */
  successif: boolean;
}

export interface ApprentiInput {
  secteur: Secteur;
  certification: Certification;
  style: StyleLogiciel;
  /** Contract start and conclusion (Ymd). */
  debut: number;
  conclusion: number;
  departementEmployeur: string;
}

/** The apprentice of a contract starting on `debut`, living near the employer most of the time. */
export function drawApprenti({ secteur, certification, style, debut, conclusion, departementEmployeur: departementEmp }: ApprentiInput): ApprentiDraw {
  const age = ageApprenti(certification);
  const naissance = naissancePourAge(age, debut);
  const dateNaissance = formatIsoDate(naissance);
  const sexe = sexeFor(secteur);
  const prenom = id.prenom(sexe);
  const nom = id.nom();
  const communeApprenti = chance(0.75) ? id.commune(departementEmp) : id.commune();
  const adresseApprenti: Adresse = id.adresse(communeApprenti, style);
  if (style.famille === 'formulaire') adresseApprenti.pays = 'France';
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
    ...(style.nomUsageNull ? { nomUsage: null } : {}),
    prenom,
    sexe,
    dateNaissance,
    lieuNaissanceFrance: neEnFrance,
    communeNaissance,
    departementNaissance: style.departementNaissance3 ? surTrois(departementNaissance) : departementNaissance,
    nir: id.nir(sexe, dateNaissance, lieuNir),
    nationalite,
    regimeSocial: secteur.msa ? 1 : 2,
    adresse: adresseApprenti,
    telephone: id.telephoneMobile(style.telephoneNational),
    courriel: id.courrielPersonnel(prenom, nom),
    handicap,
    ...(style.famille === 'fil' ? { droitsRqthExtensionBOE: false, droitsRqthEquivalenceJeune: false } : {}),
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
    // Without an address of its own, the representative lives with the apprentice (memeAdresse is the form's flag).
    apprenti.responsableLegal = {
      nom,
      prenom: prenomResponsable,
      courriel: id.courrielPersonnel(prenomResponsable, nom),
      ...(style.famille === 'formulaire' ? { memeAdresse: true } : {}),
    };
  }
  if (chance(0.03) && sexe === 'F') apprenti.nomUsage = id.nom();

  return { apprenti, naissance, handicap, successif };
}
