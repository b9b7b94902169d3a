// The SIRENE référentiel a rule may read: establishments (SIRET) with their state, dates, address and legal category.
//
// Shape of an extract of INSEE's répertoire SIRENE (stock des établissements: etatAdministratifEtablissement,
// dateCreationEtablissement, statutDiffusionEtablissement, codePostalEtablissement, categorieJuridiqueUniteLegale),
// with French field names of our own. The mock bundles a SAMPLE (mocks/data/sirene.yaml); `convergence validate
// --sirene <file>` reads a file of the same shape. Without one, the rules that need it answer `skip`.
import { parse } from 'yaml';
import type { Cerfa, IsoDate } from './payloads.js';

/** One establishment as SIRENE knows it. */
export interface EtablissementSirene {
  /** `A` active, `F` fermé (closed): SIRENE's etatAdministratifEtablissement. */
  etat: 'A' | 'F';
  /** Date the establishment was created (dateCreationEtablissement). */
  dateCreation?: IsoDate;
  /** Date it was closed, for `F` (the start of its closed period in SIRENE). */
  dateFermeture?: IsoDate;
  /** false: non-diffusible (statutDiffusionEtablissement `P`): the public cannot look it up; administrations can. */
  diffusible?: boolean;
  denomination?: string;
  codePostal?: string;
  commune?: string;
  /** The legal unit's catégorie juridique (4 digits, INSEE nomenclature): 7xxx public bodies under administrative law. */
  categorieJuridique?: string;
}

export interface ReferentielSirene {
  /**
   * true when the file is meant to hold every establishment (a full extract): a SIRET absent from it is unknown to
   * SIRENE. false (the samples): an absent SIRET is simply not judged.
   */
  exhaustif?: boolean;
  /** SIRET (14 digits) → establishment. */
  etablissements: Record<string, EtablissementSirene>;
}

/** Reads a SIRENE référentiel (YAML or JSON text); throws a readable error on a malformed document. */
export function parseSirene(text: string, origine = 'SIRENE'): ReferentielSirene {
  const raw = parse(text) as { exhaustif?: unknown; etablissements?: unknown } | null;
  if (!raw || typeof raw !== 'object' || !raw.etablissements || typeof raw.etablissements !== 'object' || Array.isArray(raw.etablissements)) {
    throw new Error(`${origine}: expected an object with "etablissements" (SIRET → établissement)`);
  }
  const etablissements: Record<string, EtablissementSirene> = {};
  for (const [siret, value] of Object.entries(raw.etablissements as Record<string, unknown>)) {
    const e = value as Record<string, unknown> | null;
    if (!/^\d{14}$/.test(siret) || !e || (e.etat !== 'A' && e.etat !== 'F')) {
      throw new Error(`${origine}: établissement '${siret}' needs a 14-digit SIRET and etat A or F`);
    }
    const text = (key: string): string | undefined => (e[key] === undefined || e[key] === null ? undefined : String(e[key]));
    etablissements[siret] = {
      etat: e.etat,
      ...(text('dateCreation') ? { dateCreation: text('dateCreation')! } : {}),
      ...(text('dateFermeture') ? { dateFermeture: text('dateFermeture')! } : {}),
      ...(typeof e.diffusible === 'boolean' ? { diffusible: e.diffusible } : {}),
      ...(text('denomination') ? { denomination: text('denomination')! } : {}),
      ...(text('codePostal') ? { codePostal: text('codePostal')!.padStart(5, '0') } : {}),
      ...(text('commune') ? { commune: text('commune')! } : {}),
      ...(text('categorieJuridique') ? { categorieJuridique: text('categorieJuridique')! } : {}),
    };
  }
  return { exhaustif: raw.exhaustif === true, etablissements };
}

/** The SIRETs a CERFA names: employer, organisme de formation, main training site. */
export function siretsDuCerfa(cerfa: Cerfa): string[] {
  const lache = cerfa as unknown as Record<string, { siret?: unknown } | undefined>;
  const sirets: string[] = [];
  for (const member of ['employeur', 'organismeFormation', 'organismeFormationLieuFormationPrincipal']) {
    const siret = lache[member]?.siret;
    if (typeof siret === 'string' && !sirets.includes(siret)) sirets.push(siret);
  }
  return sirets;
}

/** The part of a référentiel a CERFA needs (its SIRETs only): what the mock puts in the context of one deposit. */
export function sireneDuCerfa(ref: ReferentielSirene, cerfa: Cerfa): ReferentielSirene {
  const etablissements: Record<string, EtablissementSirene> = {};
  for (const siret of siretsDuCerfa(cerfa)) {
    const e = Object.hasOwn(ref.etablissements, siret) ? ref.etablissements[siret] : undefined;
    if (e) etablissements[siret] = e;
  }
  return { exhaustif: ref.exhaustif === true, etablissements };
}
