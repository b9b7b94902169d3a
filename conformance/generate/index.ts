// Public API of the generators: valid, realistic, seeded payloads of the four kinds, their context, and planted faults.
//
// Record `index` of `seed` is always the same, whatever the count asked, and the four kinds of one (seed, index)
// describe ONE dossier: the CERFA, the invoice on its échéancier, its convention and its certificat de réalisation.
// A record's payload is what the rules judge (for a CERFA, the inner object with `YYYY-MM-DD` dates); `surLeFil`
// gives what goes on the wire (for a CERFA, the deposit body `{"cerfa": …}` as its software writes it).
import type { DossierLu } from '../model/dossier.js';
import type { Certificat, Cerfa, Convention, Facture, PayloadByKind, PayloadKind } from '../model/payloads.js';
import type { Rule, RuleContext } from '../rules/rule.js';
import { calendar } from '../remuneration/index.js';
import { drawCerfa } from './cerfa.js';
import { drawCertificat } from './certificat.js';
import { baseContext } from './context.js';
import { drawConvention } from './convention.js';
import { drawDossier } from './dossier.js';
import { drawFacture } from './facture.js';
import { PHASE, int, reseed } from './random.js';

export { DEBUT_FENETRE, FIN_FENETRE } from './cerfa.js';
export { RNCP_INACTIFS } from './context.js';
export { commeUnLogiciel, corpsDepot, datesAvecHeure, surLeFil, HEURE_FIL } from './fil.js';
export { styleDe, type StyleLogiciel } from './style.js';

export const KINDS: readonly PayloadKind[] = ['cerfa', 'convention', 'facture', 'certificat'];

export function isKind(value: string): value is PayloadKind {
  return (KINDS as readonly string[]).includes(value);
}

export interface GenerateOptions {
  /**
   * Every optional part present (maître 2, frais annexes committed and invoiced, the invoice of a year's balance
   * with its certificat embedded…): a different, equally valid record, for the plants that need such a part.
   */
  complet?: boolean;
}

/** A payload and what the OPCO knows when judging it (the `--with-context` wrapper of the CLI). */
export interface GeneratedRecord<K extends PayloadKind = PayloadKind> {
  payload: PayloadByKind[K];
  context: RuleContext;
}

function checkArgs(seed: number, index: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, received ${seed}`);
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`index must be a non-negative integer, received ${index}`);
}

function cerfaRecord(seed: number, index: number, complet: boolean): GeneratedRecord<'cerfa'> {
  const draw = drawCerfa(seed, index, complet);
  reseed(seed, index, PHASE.contexte);
  const { addDays, formatIsoDate, parseIsoDate } = calendar;
  const debut = parseIsoDate(draw.cerfa.contrat.dateDebutContrat);
  const conclusion = parseIsoDate(draw.cerfa.contrat.dateConclusion);
  if (debut === undefined || conclusion === undefined) throw new Error('generator bug: unreadable contract dates');
  // Sent around the start: a few days before, or within the 5 working days after it (research §2.6).
  const envoi = addDays(debut, int(-5, 3));
  return { payload: draw.cerfa, context: baseContext(formatIsoDate(envoi < conclusion ? conclusion : envoi), draw) };
}

/** Payload and context of record `index` of `seed`, for one kind. */
export function generateRecord<K extends PayloadKind>(
  kind: K,
  seed: number,
  index: number,
  options: GenerateOptions = {},
): GeneratedRecord<K> {
  checkArgs(seed, index);
  const complet = options.complet === true;
  switch (kind) {
    case 'cerfa':
      return cerfaRecord(seed, index, complet) as GeneratedRecord<K>;
    case 'facture': {
      const d = drawFacture(seed, index, complet);
      return { payload: d.facture, context: d.context } as GeneratedRecord<K>;
    }
    case 'convention': {
      const d = drawConvention(seed, index, complet);
      return { payload: d.convention, context: d.context } as GeneratedRecord<K>;
    }
    case 'certificat': {
      const d = drawCertificat(seed, index, complet);
      return { payload: d.certificat, context: d.context } as GeneratedRecord<K>;
    }
    default:
      throw new RangeError(`unknown payload kind: ${String(kind)}`);
  }
}

export function generateCerfa(seed: number, index: number, options?: GenerateOptions): Cerfa {
  return generateRecord('cerfa', seed, index, options).payload;
}

export function generateFacture(seed: number, index: number, options?: GenerateOptions): Facture {
  return generateRecord('facture', seed, index, options).payload;
}

export function generateConvention(seed: number, index: number, options?: GenerateOptions): Convention {
  return generateRecord('convention', seed, index, options).payload;
}

export function generateCertificat(seed: number, index: number, options?: GenerateOptions): Certificat {
  return generateRecord('certificat', seed, index, options).payload;
}

/** The context of the invoice of record `index`: its dossier ENGAGE, today inside an open échéance. */
export function generateDossierContext(seed: number, index: number, options?: GenerateOptions): RuleContext {
  return generateRecord('facture', seed, index, options).context;
}

/** The dossier of record `index` as the OPCO reads it back (ENGAGE, DECA number, échéancier not yet invoiced). */
export function generateDossier(seed: number, index: number, options: GenerateOptions = {}): DossierLu {
  checkArgs(seed, index);
  return drawDossier(seed, index, options.complet === true).dossier;
}

/** A record with a planted fault; `contextPlanted` when the fault lies (also) in what the OPCO knows. */
export interface PlantedRecord<K extends PayloadKind = PayloadKind> extends GeneratedRecord<K> {
  contextPlanted: boolean;
}

/** Whether `rule` can be planted in (and judges) payloads of `kind`. */
export function ruleAppliesTo(rule: Pick<Rule, 'appliesTo'>, kind: PayloadKind): boolean {
  return (rule.appliesTo as readonly string[]).includes(kind);
}

/**
 * The record with `rule` violated by its `plant`. The context is the planted one when the rule returns one
 * (invoice already known, unknown SIRET…), else the record's own. Throws when the rule does not apply to `kind`,
 * or when the plant cannot work on this record (e.g. it needs frais annexes the record has none of).
 */
export function plantRecord<K extends PayloadKind>(rule: Rule<any>, kind: K, record: GeneratedRecord<K>): PlantedRecord<K> {
  if (!ruleAppliesTo(rule, kind)) throw new RangeError(`rule ${rule.id} does not apply to ${kind}`);
  const planted = rule.plant(record.payload, record.context) as { payload: PayloadByKind[K]; context?: RuleContext };
  return { payload: planted.payload, context: planted.context ?? record.context, contextPlanted: planted.context !== undefined };
}

/**
 * Record `index` of `seed` with `rule` planted: on the ordinary record, or, when the plant needs an optional part
 * that record lacks, on the complete record of the same index (see GenerateOptions.complet).
 */
export function generateInvalidRecord<K extends PayloadKind>(rule: Rule<any>, kind: K, seed: number, index: number): PlantedRecord<K> {
  const record = generateRecord(kind, seed, index);
  try {
    return plantRecord(rule, kind, record);
  } catch (error) {
    if (!ruleAppliesTo(rule, kind)) throw error;
    return plantRecord(rule, kind, generateRecord(kind, seed, index, { complet: true }));
  }
}
