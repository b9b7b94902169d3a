// The checklist's vocabulary: the judge's findings it reads, verdicts, and the helpers items share (script hints, answers, rule verdicts).
import type { CapaciteCfa, EchangeCfa, SessionCfa } from '../model/session.js';
import type { Outcome } from '../rules/rule.js';
import type { ChecklistOutcome } from '../../reports/suite/model.js';
import { codesErreur, motifsRefus } from '../rules/client/support.js';
import { codeProbleme } from '../model/probleme.js';

/** Always judged, whatever the editor declared: how the software handles throttling and server errors. */
export const PROTOCOLE = 'protocole';

/** A protocol rule's verdict on the session, as the checklist needs it. */
export interface VerdictRegle {
  outcome: Outcome;
  /** The waiver's reason when one covers the rule. */
  waived?: string;
  reason?: string;
  /** Sequence numbers of the exchanges its findings point to. */
  exchanges: number[];
}

/** What the judge learnt from the session, that the checklist reads. */
export interface Constats {
  session: SessionCfa;
  /** Per exchange seq: ids of the unwaived blocking payload rules that failed (or could not run) on its payload. */
  blocagesPayload: ReadonlyMap<number, readonly string[]>;
  /** A protocol rule's verdict; undefined when the rule was not run (`only`). */
  regle(id: string): VerdictRegle | undefined;
  /** The run's scripted plays, so a not-exercised item can say which request triggers them; absent: unknown. */
  script?: ScriptJoue;
}

/** What the checklist needs of the certification script: its plays, to tell the editor how to exercise an item. */
export interface ScriptJoue {
  plays: readonly { id: string; operation: string; occurrence: number; status: number }[];
}

export type Verdict = { outcome: ChecklistOutcome; reason?: string; exchanges?: number[] };

export interface ItemDef {
  id: string;
  capability: CapaciteCfa | typeof PROTOCOLE;
  title: string;
  /** Protocol versions whose spec has the operation the item needs; absent: both. */
  versions?: readonly ('v1' | 'v2')[];
  judge(c: Constats): Verdict;
}

export const notExercised = (reason: string): Verdict => ({ outcome: 'not-exercised', reason });
export const ofOperation = (c: Constats, operation: string): EchangeCfa[] => c.session.echanges.filter((e) => e.operation === operation);
export const MAX_EXCHANGES = 10;
export const rang = (n: number): string => (n === 1 ? '1re' : `${n}e`);

/**
 * How the script exercises what `match` selects: `le script répond 429 à la 1re requête GET /dossiers de la session
 * (limite-debit-lecture)`; undefined when the script is unknown or has no such play.
 */
export function jeu(c: Constats, match: (play: ScriptJoue['plays'][number]) => boolean): string | undefined {
  if (c.script === undefined) return undefined;
  const play = c.script.plays.find(match);
  return play && `le script répond ${play.status} à la ${rang(play.occurrence)} requête ${play.operation} de la session (${play.id})`;
}

/** The answers a list of exchanges got, for a reason: `#1 503 (réponse jouée erreur-serveur-depot), #2 403 EDITEUR_NON_AUTORISE`. */
export function reponses(list: readonly EchangeCfa[]): string {
  const shown = list.slice(-3).map((e) => {
    const code = problemeDe(e);
    return `#${e.seq} ${e.response.status}${e.scripted !== undefined ? ` (réponse jouée ${e.scripted})` : code !== undefined ? ` ${code}` : ''}`;
  });
  return `${list.length > 3 ? '…, ' : ''}${shown.join(', ')}`;
}

/** The problem code of a norm error answer (`urn:convergence:probleme:CODE`, else the first errors[].code). */
export function problemeDe(e: EchangeCfa): string | undefined {
  const premier = codesErreur(e.response.body)[0];
  return codeProbleme(e.response.body) ?? (premier !== undefined && premier !== '?' ? premier : undefined);
}

/** What a refusal designates: `REFERENCE_FACTURE_REFUSEE sur referenceFactureCFA`. */
export function motifs(e: EchangeCfa): string {
  return motifsRefus(e.response.body) || `réponse ${e.response.status}`;
}

/** An item that a protocol rule decides once the session exercised it (`exercised` non-empty). */
export function parRegle(ruleId: string, exercised: (c: Constats) => number[], absent: (c: Constats) => string) {
  return (c: Constats): Verdict => {
    const verdict = c.regle(ruleId);
    const seqs = exercised(c);
    if (verdict !== undefined && (verdict.outcome === 'fail' || verdict.outcome === 'error')) {
      if (verdict.waived !== undefined) {
        return { outcome: 'pass', reason: `règle ${ruleId} non satisfaite mais levée par dérogation : ${verdict.waived}`, exchanges: verdict.exchanges.slice(0, MAX_EXCHANGES) };
      }
      return {
        outcome: 'fail',
        reason: verdict.outcome === 'fail' ? `règle ${ruleId} non satisfaite` : `la règle ${ruleId} n’a pas pu juger : ${verdict.reason ?? 'erreur'}`,
        exchanges: (verdict.exchanges.length > 0 ? verdict.exchanges : seqs).slice(0, MAX_EXCHANGES),
      };
    }
    if (seqs.length === 0) return notExercised(absent(c));
    if (verdict === undefined) return notExercised(`règle ${ruleId} non retenue pour ce jugement`);
    if (verdict.outcome === 'pass') return { outcome: 'pass', exchanges: seqs.slice(0, MAX_EXCHANGES) };
    return notExercised(verdict.reason ?? `la règle ${ruleId} n’a pas pu juger la session`);
  };
}

/** Why a reaction item is not exercised yet, and which request of the script provokes it. */
export function sansReponse(c: Constats, constat: string, match: (play: ScriptJoue['plays'][number]) => boolean, sansJeu: string): string {
  const play = jeu(c, match);
  if (play !== undefined) return `${constat} : ${play}, envoyez-la pour l’exercer`;
  if (c.script !== undefined) return `${constat} : ${sansJeu}`;
  return constat;
}
