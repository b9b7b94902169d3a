// Realistic French identities: valid SIRET, NIR, UAI and IBAN (check digits from conformance/identifiers), names, addresses.
import { completeLuhn, ibanCheckDigits, nirKey, uaiLetter } from '../identifiers/index.js';
import type { Adresse } from '../model/payloads.js';
import { chance, digits, faker, int, pick } from './random.js';
import type { StyleLogiciel } from './style.js';
import {
  CODES_BANQUE,
  COMMUNES,
  COMMUNES_BY_DEPARTEMENT,
  COMPLEMENTS_ADRESSE,
  departementOf,
  type Commune,
} from './samples.js';

/**
 * Who holds a SIREN: INSEE gives public bodies (State, local authorities, public establishments) SIRENs starting
 * with 1 or 2; companies and associations get the others. A few older public bodies escape the rule (RATP, 775…):
 * the generator follows it.
 */
export type SecteurSiren = 'prive' | 'public';

/**
 * SIREN: 8 random digits + Luhn, the first one 3–9 for a private body, 1–2 for a public one; SIRET: SIREN + NIC
 * `000d` + Luhn over the 14 digits. Private by default (the generated employers, CFAs and antennas).
 */
export function siret(secteur: SecteurSiren = 'prive'): string {
  const premier = secteur === 'public' ? int(1, 2) : int(3, 9);
  const siren = completeLuhn(String(premier) + digits(7));
  // 356000000 is La Poste's SIREN, valid under another rule: never produce it by chance.
  if (siren.startsWith('356000000')) return siret(secteur);
  return completeLuhn(`${siren}000${int(1, 9)}`);
}

/** Employer types 21–30 (CERFA notice: public employers, 30 EPIC) hold a public-range SIREN; 11–16 a private one. */
export const secteurDuType = (typeEmployeur: number): SecteurSiren => (typeEmployeur >= 21 && typeEmployeur <= 30 ? 'public' : 'prive');

/** UAI prefix of a département: 0 + 2 digits in mainland France, 620/720 for Corse-du-Sud/Haute-Corse, 97x overseas. */
export function uaiPrefix(departement: string): string {
  if (departement === '2A') return '620';
  if (departement === '2B') return '720';
  return departement.length === 3 ? departement : `0${departement}`;
}

export function uai(departement: string): string {
  const seven = uaiPrefix(departement) + digits(4);
  return seven + uaiLetter(seven);
}

/** RIB key of a French BBAN (bank, branch, account): 97 − ((89·bank + 15·branch + 3·account) mod 97). */
function cleRib(banque: string, guichet: string, compte: string): string {
  const key = 97 - ((89 * Number(banque) + 15 * Number(guichet) + 3 * (Number(compte) % 97)) % 97);
  return key < 10 ? `0${key}` : String(key);
}

/** French IBAN: FR + check digits + bank (5) + branch (5) + account (11 digits) + RIB key (2). */
export function iban(): string {
  const banque = pick(CODES_BANQUE);
  const guichet = digits(5);
  const compte = digits(11);
  const bban = banque + guichet + compte + cleRib(banque, guichet, compte);
  return `FR${ibanCheckDigits('FR', bban)}${bban}`;
}

/**
 * NIR of 15 characters: sexe, birth year and month, INSEE code of the birth commune (or 99 + country code),
 * a 3-digit order number and the key.
 */
export function nir(sexe: 'M' | 'F', dateNaissance: string, lieu: string): string {
  const nir13 = `${sexe === 'M' ? '1' : '2'}${dateNaissance.slice(2, 4)}${dateNaissance.slice(5, 7)}${lieu}${String(int(1, 999)).padStart(3, '0')}`;
  return nir13 + nirKey(nir13);
}

/** One cache per separator (no key concatenation on the hot path). */
const slugs = new Map<string, Map<string, string>>();

/** Lower-case ASCII slug for e-mail addresses: accents dropped, runs of other characters become `separator`. */
export function slug(s: string, separator = ''): string {
  let cache = slugs.get(separator);
  if (cache === undefined) {
    cache = new Map();
    slugs.set(separator, cache);
  }
  let out = cache.get(s);
  if (out === undefined) {
    out = s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((part) => part !== '')
      .join(separator);
    // Pieces come from finite lists (names, communes, pattern parts): the cache stays small; the clear bounds it anyway.
    if (cache.size > 20_000) cache.clear();
    cache.set(s, out);
  }
  return out;
}

export function courrielPersonnel(prenom: string, nom: string): string {
  const domain = pick(['gmail.com', 'orange.fr', 'free.fr', 'hotmail.fr', 'laposte.net', 'outlook.fr', 'sfr.fr']);
  const suffix = chance(0.4) ? String(int(1, 99)) : '';
  return `${slug(prenom, '.')}.${slug(nom, '.')}${suffix}@${domain}`.slice(-80);
}

/** `local@domain.fr`; `domain` is already a slug (see `denomination`). */
export function courrielEntreprise(domain: string, local = 'contact'): string {
  return `${local}@${domain.slice(0, 40) || 'entreprise'}.fr`;
}

/**
 * A company name from a pattern (`Boulangerie {nom}`, `Garage de {commune}`) and its slug for e-mail domains.
 * The slug is built piece by piece: slugging without separator commutes with concatenation, and the pieces
 * (pattern parts, names, communes) come from finite lists, so every piece hits the cache.
 */
export function denomination(pattern: string, communeNom: string): { nom: string; slug: string } {
  let nomText = '';
  let slugText = '';
  for (const piece of splitPattern(pattern)) {
    const text = piece === '{nom}' ? nom() : piece === '{commune}' ? communeNom : piece;
    nomText += text;
    slugText += slug(text);
  }
  return { nom: nomText, slug: slugText };
}

const patterns = new Map<string, string[]>();

function splitPattern(pattern: string): string[] {
  let pieces = patterns.get(pattern);
  if (pieces === undefined) {
    pieces = pattern.split(/(\{nom\}|\{commune\})/).filter((p) => p !== '');
    patterns.set(pattern, pieces);
  }
  return pieces;
}

/** Landline zone digit of a département (1 Île-de-France, 2 north-west, 3 north-east, 4 south-east, 5 south-west). */
function zone(departement: string): string {
  if (departement.length === 3) return '5';
  if (['75', '77', '78', '91', '92', '93', '94', '95'].includes(departement)) return '1';
  if (['14', '22', '27', '28', '29', '35', '36', '37', '41', '44', '45', '49', '50', '53', '56', '61', '72', '76', '85'].includes(departement)) return '2';
  if (['01', '03', '04', '05', '06', '07', '13', '15', '20', '2A', '2B', '26', '30', '34', '38', '42', '43', '48', '63', '69', '73', '74', '83', '84'].includes(departement)) return '4';
  if (['09', '11', '12', '16', '17', '19', '23', '24', '31', '32', '33', '40', '46', '47', '64', '65', '66', '79', '81', '82', '86', '87'].includes(departement)) return '5';
  return '3';
}

/** A landline of the département's zone: `+33142600000`, or `0142600000` in the national form. */
export const telephoneFixe = (departement: string, national = false): string => `${national ? '0' : '+33'}${zone(departement)}${digits(8)}`;
export const telephoneMobile = (national = false): string => `${national ? '0' : '+33'}${pick(['6', '7'])}${digits(8)}`;

// Faker's French lists, read directly: its template engine ({{person.last_name}}) costs more than the rest of a record.
const PERSON = faker.definitions.person;
// Only letters, spaces and hyphens: the CERFA's name pattern (research §3.1) rejects apostrophes.
const NOM_VALIDE = /^[\p{L} -]+$/u;
const PRENOMS_M: readonly string[] = (PERSON.first_name?.male ?? []).filter((n) => NOM_VALIDE.test(n));
const PRENOMS_F: readonly string[] = (PERSON.first_name?.female ?? []).filter((n) => NOM_VALIDE.test(n));
const NOMS: readonly string[] = (PERSON.last_name?.generic ?? []).filter((n) => NOM_VALIDE.test(n));
const TYPES_VOIE: readonly string[] = faker.definitions.location.street_prefix ?? ['Rue'];
const NOMS_VOIE: readonly string[] = faker.definitions.location.street_suffix ?? ['de Paris'];

export function prenom(sexe: 'M' | 'F'): string {
  return pick(sexe === 'M' ? PRENOMS_M : PRENOMS_F);
}

export function nom(): string {
  return pick(NOMS);
}

/** `Rue de la Paix`-like street names from Faker's French lists. */
export function voie(): string {
  return `${pick(TYPES_VOIE)} ${pick(NOMS_VOIE)}`;
}

export function commune(departement?: string): Commune {
  const local = departement === undefined ? undefined : COMMUNES_BY_DEPARTEMENT.get(departement);
  return pick(local ?? COMMUNES);
}

/**
 * A street address in `lieu` as software writes it: `adresse1` "12 rue de la Paix", `adresse2` the complement (or
 * "" when the software sends an empty one), the département from the INSEE code (2A/2B, 97x) when it sends one.
 * Without a style (the CFAs of a seed's pool) the département is always there: the generators read it.
 */
export function adresse(lieu: Commune, style?: Pick<StyleLogiciel, 'adresse2Vide' | 'departementAdresse'>): Adresse {
  const repetition = chance(0.06) ? pick([' bis', ' ter']) : '';
  const voieText = voie();
  const a: Adresse = {
    adresse1: `${int(1, 180)}${repetition} ${voieText.charAt(0).toLowerCase()}${voieText.slice(1)}`,
    codePostal: lieu.codePostal,
    commune: lieu.nom,
  };
  if (chance(0.15)) a.adresse2 = pick(COMPLEMENTS_ADRESSE);
  else if (style?.adresse2Vide) a.adresse2 = '';
  if (style === undefined || style.departementAdresse) a.departement = departementOf(lieu);
  return a;
}
