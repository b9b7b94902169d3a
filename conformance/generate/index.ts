// Public API of the generators: valid, realistic, seeded payloads of the four kinds, their context, and planted faults.
//
// Record `index` of `seed` is always the same, whatever the count asked, and the four kinds of one (seed, index)
// describe ONE dossier: the CERFA, the invoice on its échéancier, its convention and its certificat de réalisation.
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

export const KINDS: readonly PayloadKind[] = ['cerfa', 'convention', 'facture', 'certificat'];

export function isKind(value: string): value is PayloadKind {
  return (KINDS as readonly string[]).includes(value);
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

function cerfaRecord(seed: number, index: number): GeneratedRecord<'cerfa'> {
  const draw = drawCerfa(seed, index);
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
export function generateRecord<K extends PayloadKind>(kind: K, seed: number, index: number): GeneratedRecord<K> {
  checkArgs(seed, index);
  switch (kind) {
    case 'cerfa':
      return cerfaRecord(seed, index) as GeneratedRecord<K>;
    case 'facture': {
      const d = drawFacture(seed, index);
      return { payload: d.facture, context: d.context } as GeneratedRecord<K>;
    }
    case 'convention': {
      const d = drawConvention(seed, index);
      return { payload: d.convention, context: d.context } as GeneratedRecord<K>;
    }
    case 'certificat': {
      const d = drawCertificat(seed, index);
      return { payload: d.certificat, context: d.context } as GeneratedRecord<K>;
    }
    default:
      throw new RangeError(`unknown payload kind: ${String(kind)}`);
  }
}

export function generateCerfa(seed: number, index: number): Cerfa {
  return generateRecord('cerfa', seed, index).payload;
}

export function generateFacture(seed: number, index: number): Facture {
  return generateRecord('facture', seed, index).payload;
}

export function generateConvention(seed: number, index: number): Convention {
  return generateRecord('convention', seed, index).payload;
}

export function generateCertificat(seed: number, index: number): Certificat {
  return generateRecord('certificat', seed, index).payload;
}

/** The context of the invoice of record `index`: its dossier ENGAGE, today inside an open échéance. */
export function generateDossierContext(seed: number, index: number): RuleContext {
  return generateRecord('facture', seed, index).context;
}

/** The dossier of record `index` as the OPCO reads it back (ENGAGE, DECA number, échéancier not yet invoiced). */
export function generateDossier(seed: number, index: number): DossierLu {
  checkArgs(seed, index);
  return drawDossier(seed, index).dossier;
}

/** Whether `rule` can be planted in (and judges) payloads of `kind`. */
export function ruleAppliesTo(rule: Pick<Rule, 'appliesTo'>, kind: PayloadKind): boolean {
  return (rule.appliesTo as readonly string[]).includes(kind);
}

/**
 * The record with `rule` violated by its `plant`. The context is the planted one when the rule returns one
 * (invoice already known, unknown SIRET…), else the record's own. Throws when the rule does not apply to `kind`.
 */
export function plantRecord<K extends PayloadKind>(rule: Rule<any>, kind: K, record: GeneratedRecord<K>): GeneratedRecord<K> {
  if (!ruleAppliesTo(rule, kind)) throw new RangeError(`rule ${rule.id} does not apply to ${kind}`);
  const planted = rule.plant(record.payload, record.context) as { payload: PayloadByKind[K]; context?: RuleContext };
  return { payload: planted.payload, context: planted.context ?? record.context };
}
