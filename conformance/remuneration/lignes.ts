// Builds the legal minimum remuneration lines of a CERFA: contract years, age tranches, SMIC/SMC base, gross pay.
import {
  addDays,
  addYears,
  ageAt,
  birthdayAt,
  firstOfNextMonth,
  formatIsoDate,
  parseIsoDate,
  type Ymd,
} from './calendar.js';
import { smicEnVigueur, smicTable, MAYOTTE, type SmicEntry, type SmicTable } from './smic.js';
import { SEUILS_AGE, tauxMinimal } from './taux.js';
import type { Cerfa, RemunerationAnnuelle } from '../model/payloads.js';
import { isValidDepartement } from '../identifiers/index.js';

/** A stretch of the contract with one legal minimum rate. */
export interface PeriodeRemuneration {
  dateDebut: Ymd;
  dateFin: Ymd;
  /** 1-based contract year (anniversary years of dateDebutContrat). */
  anneeContrat: number;
  /** 1 or 2 within the contract year. */
  periode: number;
  /** Age (whole years) that sets the rate: the age at hiring, then each birthday from the 1st of the next month. */
  age: number;
  tauxMinimal: number;
}

export interface DatesRemuneration {
  naissance: Ymd;
  debutContrat: Ymd;
  finContrat: Ymd;
  conclusion: Ymd;
}

/**
 * The age that sets the rate on `date`: the age at hiring, raised by each later birthday from the first day of the
 * month following it (D6222-34: "à compter du premier jour du mois suivant le jour où l'apprenti atteint l'âge").
 */
export function ageRetenu(naissance: Ymd, debutContrat: Ymd, date: Ymd): number {
  let age = ageAt(naissance, debutContrat);
  while (firstOfNextMonth(birthdayAt(naissance, age + 1)) <= date) age += 1;
  return age;
}

/**
 * Legal minimum periods: one per contract year, split when the apprentice changes age tranche (18, 21, 26) during
 * the year. Empty when the contract ends before it starts.
 */
export function periodesRemunerationMinimale(dates: DatesRemuneration): PeriodeRemuneration[] {
  const { naissance, debutContrat, finContrat, conclusion } = dates;
  if (finContrat < debutContrat) return [];
  const ageDebut = ageAt(naissance, debutContrat);
  const changes: Ymd[] = [];
  for (const seuil of SEUILS_AGE) {
    if (seuil <= ageDebut) continue;
    const change = firstOfNextMonth(birthdayAt(naissance, seuil));
    if (change > debutContrat && change <= finContrat) changes.push(change);
  }
  const periodes: PeriodeRemuneration[] = [];
  for (let annee = 1; ; annee++) {
    const debutAnnee = addYears(debutContrat, annee - 1);
    if (debutAnnee > finContrat) break;
    const finAnnee = Math.min(addDays(addYears(debutContrat, annee), -1), finContrat);
    let start = debutAnnee;
    let periode = 1;
    const bounds = changes.filter((c) => c > debutAnnee && c <= finAnnee);
    bounds.push(addDays(finAnnee, 1));
    for (const next of bounds) {
      const age = ageRetenu(naissance, debutContrat, start);
      const taux = tauxMinimal(age, annee, conclusion);
      const previous = periodes[periodes.length - 1];
      if (previous && previous.anneeContrat === annee && previous.tauxMinimal === taux) {
        previous.dateFin = addDays(next, -1);
      } else {
        periodes.push({ dateDebut: start, dateFin: addDays(next, -1), anneeContrat: annee, periode, age, tauxMinimal: taux });
        periode += 1;
      }
      start = next;
    }
  }
  return periodes;
}

/** Gross monthly pay: base × taux / 100 rounded UP to the cent (as the Mission apprentissage form does). */
export function salaireBrut(base: number, taux: number): number {
  const baseCents = Math.round(base * 100);
  return Math.ceil((baseCents * taux) / 100 - 1e-6) / 100;
}

/** The employer's département (where the contract is performed), from its address; '976' selects Mayotte's SMIC. */
export function departementEmployeur(cerfa: Cerfa): string | undefined {
  const adresse = cerfa.employeur?.adresse;
  // A malformed département is the format rule's finding; the SMIC base (Mayotte or not) then follows the postal code.
  if (adresse?.departement && isValidDepartement(adresse.departement)) return adresse.departement;
  const cp = adresse?.codePostal;
  if (typeof cp === 'string' && cp.startsWith('97')) return cp.slice(0, 3);
  return typeof cp === 'string' ? cp.slice(0, 2) : undefined;
}

/** `departementEmployeur(cerfa) === MAYOTTE` without building the string (asked on every CERFA `validate` reads). */
export function employeurAMayotte(cerfa: Cerfa): boolean {
  const adresse = cerfa.employeur?.adresse;
  if (adresse?.departement && isValidDepartement(adresse.departement)) return adresse.departement === MAYOTTE;
  const cp = adresse?.codePostal;
  return typeof cp === 'string' && cp.startsWith(MAYOTTE);
}

/** The monthly base a rate applies to: SMC from 21 when larger than the SMIC, else the SMIC. */
export function baseMensuelle(
  age: number,
  smic: SmicEntry | undefined,
  smc: number | undefined,
): { typeSalaire: 'SMIC' | 'SMC'; base: number | undefined } {
  const smcApplies = age >= 21 && typeof smc === 'number' && smc > 0 && (smic === undefined || smc > smic.mensuel);
  return smcApplies ? { typeSalaire: 'SMC', base: smc } : { typeSalaire: 'SMIC', base: smic?.mensuel };
}

export interface LigneRemunerationMinimale extends RemunerationAnnuelle {
  tauxMinimal: number;
  /** Undefined when no SMIC is known for the start date (before the table, see smic.yaml). */
  salaireBrut?: number;
}

/** Reads the four dates the remuneration depends on; undefined when one is missing or unreadable. */
export function datesRemuneration(cerfa: Cerfa): DatesRemuneration | undefined {
  const naissance = parseIsoDate(cerfa.apprenti?.dateNaissance);
  const debutContrat = parseIsoDate(cerfa.contrat?.dateDebutContrat);
  const finContrat = parseIsoDate(cerfa.contrat?.dateFinContrat);
  const conclusion = parseIsoDate(cerfa.contrat?.dateConclusion);
  if (naissance === undefined || debutContrat === undefined || finContrat === undefined || conclusion === undefined) {
    return undefined;
  }
  return { naissance, debutContrat, finContrat, conclusion };
}

/**
 * The CERFA's remuneration lines at the legal minimum: periods of `periodesRemunerationMinimale`, rate = minimum
 * rate, base = SMIC in force at dateDebutContrat (Mayotte's for département 976; SMC from 21 when larger),
 * gross = ceil(base × rate / 100) to the cent. Empty when a needed date is missing or unreadable.
 */
export function lignesRemunerationMinimale(cerfa: Cerfa, table: SmicTable = smicTable()): LigneRemunerationMinimale[] {
  const dates = datesRemuneration(cerfa);
  if (!dates) return [];
  const departement = departementEmployeur(cerfa);
  const smic = smicEnVigueur(table, dates.debutContrat, departement === MAYOTTE ? MAYOTTE : undefined);
  return periodesRemunerationMinimale(dates).map((p) => {
    const { typeSalaire, base } = baseMensuelle(p.age, smic, cerfa.contrat.smc);
    const ligne: LigneRemunerationMinimale = {
      dateDebut: formatIsoDate(p.dateDebut),
      dateFin: formatIsoDate(p.dateFin),
      taux: p.tauxMinimal,
      tauxMinimal: p.tauxMinimal,
      typeSalaire,
      ordre: `${p.anneeContrat}.${p.periode}`,
    };
    if (base !== undefined) ligne.salaireBrut = salaireBrut(base, p.tauxMinimal);
    return ligne;
  });
}
