// The people and organisations of a generated CERFA: employer, maîtres, and how the record's software writes them.
import type { Adresse, Employeur, Maitre } from '../model/payloads.js';
import { calendar } from '../remuneration/index.js';
import * as id from './identities.js';
import { chance, int, pick } from './random.js';
import { CAISSES_COMPLEMENTAIRES, INTITULES_DIPLOME, NIVEAU_DIPLOME, departementOf, type Commune, type Secteur } from './samples.js';
import type { StyleLogiciel } from './style.js';

const { addDays, addYears, ageAt, daysBetween, formatIsoDate, monthOf, dayOf } = calendar;

/** A birth date giving exactly `age` whole years on `at`, never a 29 February (its birthdays are disputed). */
export function naissancePourAge(age: number, at: number): number {
  const plusTard = addYears(at, -age);
  const plusTot = addDays(addYears(at, -(age + 1)), 1);
  let d = addDays(plusTot, int(0, daysBetween(plusTot, plusTard)));
  if (monthOf(d) === 2 && dayOf(d) === 29) d = ageAt(addDays(d, -1), at) === age ? addDays(d, -1) : addDays(d, 1);
  return d;
}

export function sexeFor(secteur: Secteur): 'M' | 'F' {
  const pFemme = secteur.naf === '9602A' ? 0.85 : ['4321A', '4322A', '4520A', '2562B'].includes(secteur.naf) ? 0.06 : 0.5;
  return chance(pFemme) ? 'F' : 'M';
}

export function maitre(dateDebut: number, secteur: Secteur, domaine: string): Maitre {
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
    intituleDiplomeObtenu: INTITULES_DIPLOME[diplome] ?? 'Aucun diplôme',
    niveauDiplomeObtenu: NIVEAU_DIPLOME[diplome] ?? 0,
  };
}

/** `69` → `069`, `2A` → `02A`, `99` → `099`; three-character codes (971) unchanged. */
export function surTrois(departement: string): string {
  return departement.length === 2 ? `0${departement}` : departement;
}

/** The employer: its identity, address, sworn statements, and what its software adds (caisse, signatory, privePublic). */
export function employeur(secteur: Secteur, style: StyleLogiciel, lieu: Commune, denomination: string, domaine: string): Employeur {
  const departement = departementOf(lieu);
  const e: Employeur = {
    siret: id.siret(id.secteurDuType(secteur.typeEmployeur)),
    denomination,
    adresse: id.adresse(lieu, style),
    telephone: id.telephoneFixe(departement, style.telephoneNational),
    courriel: id.courrielEntreprise(domaine),
    typeEmployeur: secteur.typeEmployeur,
    employeurSpecifique: 0,
    naf: secteur.naf,
    nombreDeSalaries: int(secteur.salaries[0], secteur.salaries[1]),
    codeIdcc: secteur.codeIdcc,
    libelleIdcc: secteur.libelleIdcc,
    attestationEligibilite: true,
    attestationPieces: true,
  };
  if (style.privePublic) e.privePublic = true;
  // The person signing for the employer (natural-person employers, and software that always sends the signatory).
  if (chance(style.famille === 'fil' ? 0.5 : 0.15)) {
    e.prenom = id.prenom(chance(0.5) ? 'F' : 'M');
    e.nom = id.nom();
  }
  if (style.caisseComplementaire) e.caisseComplementaire = secteur.caisse ?? pick(CAISSES_COMPLEMENTAIRES);
  return e;
}

/** The address without its département (most software does not send it). */
export function sansDepartement(adresse: Adresse): Adresse {
  const { departement: _departement, ...rest } = adresse;
  return rest;
}
