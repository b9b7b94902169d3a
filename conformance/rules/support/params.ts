// Eligibility and coherence parameters read once from conformance/data/eligibilite.yaml (overridable, dated).
import { parse } from 'yaml';
import { parseIsoDate, type Ymd } from '../../remuneration/calendar.js';
import { readDataFile } from '../../remuneration/data-files.js';

export interface ValeurDatee {
  depuis: Ymd;
  valeur: number;
  source: string;
}

export interface EligibiliteParams {
  ageMinimum: number;
  ageMinimumCollegeAcheve: number;
  derniereClasseCollegeAcheve: ReadonlySet<number>;
  /** Descending by `depuis`. */
  ageMaximum: readonly ValeurDatee[];
  ageMaximumContratSuccessif: readonly ValeurDatee[];
  typesContratSuccessif: ReadonlySet<number>;
  typesAvenant: ReadonlySet<number>;
  typesAvenantNumeroRequis: ReadonlySet<number>;
  situationsFormationAvantContrat: ReadonlySet<number>;
  ageMajorite: number;
  dureeContratMinimumMois: number;
  dureeContratMaximumMois: number;
  dureeContratMaximumMoisRQTH: number;
  dureeHebdoMaximumHeures: number;
  dureeHebdoMaximumHeuresMineur: number;
  partFormationMinimum: number;
  heuresAnnuellesTempsPlein: number;
  maitreApprentisMaximum: number;
}

type Raw = Record<string, unknown>;

function num(raw: Raw, key: string): number {
  const value = raw[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`eligibilite parameters: '${key}' must be a number`);
  return value;
}

function set(raw: Raw, key: string): ReadonlySet<number> {
  const value = raw[key];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'number')) {
    throw new Error(`eligibilite parameters: '${key}' must be a list of numbers`);
  }
  return new Set(value as number[]);
}

function dated(raw: Raw, key: string): ValeurDatee[] {
  const value = raw[key];
  if (typeof value === 'number') return [{ depuis: 0, valeur: value, source: '' }];
  if (!Array.isArray(value) || value.length === 0) throw new Error(`eligibilite parameters: '${key}' must be a number or a dated list`);
  return value
    .map((item: unknown, i: number) => {
      const e = item as { depuis?: unknown; valeur?: unknown; source?: unknown } | null;
      const depuis = parseIsoDate(e?.depuis);
      if (!e || depuis === undefined || typeof e.valeur !== 'number') {
        throw new Error(`eligibilite parameters: ${key}[${i}] needs depuis (YYYY-MM-DD) and valeur`);
      }
      return { depuis, valeur: e.valeur, source: String(e.source ?? '') };
    })
    .sort((a, b) => b.depuis - a.depuis);
}

/** Parses a parameters document (same shape as conformance/data/eligibilite.yaml). */
export function parseEligibiliteParams(yamlText: string): EligibiliteParams {
  const raw = parse(yamlText) as Raw | null;
  if (!raw || typeof raw !== 'object') throw new Error('eligibilite parameters: empty document');
  return {
    ageMinimum: num(raw, 'ageMinimum'),
    ageMinimumCollegeAcheve: num(raw, 'ageMinimumCollegeAcheve'),
    derniereClasseCollegeAcheve: set(raw, 'derniereClasseCollegeAcheve'),
    ageMaximum: dated(raw, 'ageMaximum'),
    ageMaximumContratSuccessif: dated(raw, 'ageMaximumContratSuccessif'),
    typesContratSuccessif: set(raw, 'typesContratSuccessif'),
    typesAvenant: set(raw, 'typesAvenant'),
    typesAvenantNumeroRequis: set(raw, 'typesAvenantNumeroRequis'),
    situationsFormationAvantContrat: set(raw, 'situationsFormationAvantContrat'),
    ageMajorite: num(raw, 'ageMajorite'),
    dureeContratMinimumMois: num(raw, 'dureeContratMinimumMois'),
    dureeContratMaximumMois: num(raw, 'dureeContratMaximumMois'),
    dureeContratMaximumMoisRQTH: num(raw, 'dureeContratMaximumMoisRQTH'),
    dureeHebdoMaximumHeures: num(raw, 'dureeHebdoMaximumHeures'),
    dureeHebdoMaximumHeuresMineur: num(raw, 'dureeHebdoMaximumHeuresMineur'),
    partFormationMinimum: num(raw, 'partFormationMinimum'),
    heuresAnnuellesTempsPlein: num(raw, 'heuresAnnuellesTempsPlein'),
    maitreApprentisMaximum: num(raw, 'maitreApprentisMaximum'),
  };
}

let defaults: EligibiliteParams | undefined;

/** The bundled parameters, read once. */
export function eligibiliteParams(): EligibiliteParams {
  defaults ??= parseEligibiliteParams(readDataFile('eligibilite.yaml'));
  return defaults;
}

/** The value in force for a contract concluded on `date`: latest `depuis` not after it (the newest value when the date is unknown). */
export function valeurEnVigueur(values: readonly ValeurDatee[], date: Ymd | undefined): number {
  for (const v of values) if (date === undefined || v.depuis <= date) return v.valeur;
  return values[values.length - 1]?.valeur ?? NaN;
}
