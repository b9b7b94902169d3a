// The capability checklist: per declared capability (and `protocole`), what the session showed the software doing right.
import type { CapaciteCfa, EchangeCfa, SessionCfa } from '../model/session.js';
import type { Outcome } from '../rules/rule.js';
import type { ChecklistItemReport, ChecklistOutcome } from '../../reports/suite/model.js';
import { canonicalJson, DEPOT_REUSSI, dossierDepose, dossiersLus, estRejet, numeroFacture } from './exchanges.js';
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

type Verdict = { outcome: ChecklistOutcome; reason?: string; exchanges?: number[] };

interface ItemDef {
  id: string;
  capability: CapaciteCfa | typeof PROTOCOLE;
  title: string;
  /** Protocol versions whose spec has the operation the item needs; absent: both. */
  versions?: readonly ('v1' | 'v2')[];
  judge(c: Constats): Verdict;
}

const notExercised = (reason: string): Verdict => ({ outcome: 'not-exercised', reason });
const ofOperation = (c: Constats, operation: string): EchangeCfa[] => c.session.echanges.filter((e) => e.operation === operation);
const MAX_EXCHANGES = 10;
const rang = (n: number): string => (n === 1 ? '1re' : `${n}e`);

/**
 * How the script exercises what `match` selects: `le script répond 429 à la 1re requête GET /dossiers de la session
 * (limite-debit-lecture)`; undefined when the script is unknown or has no such play.
 */
function jeu(c: Constats, match: (play: ScriptJoue['plays'][number]) => boolean): string | undefined {
  if (c.script === undefined) return undefined;
  const play = c.script.plays.find(match);
  return play && `le script répond ${play.status} à la ${rang(play.occurrence)} requête ${play.operation} de la session (${play.id})`;
}

/** The answers a list of exchanges got, for a reason: `#1 503 (réponse jouée erreur-serveur-depot), #2 403 EDITEUR_NON_AUTORISE`. */
function reponses(list: readonly EchangeCfa[]): string {
  const shown = list.slice(-3).map((e) => {
    const code = problemeDe(e);
    return `#${e.seq} ${e.response.status}${e.scripted !== undefined ? ` (réponse jouée ${e.scripted})` : code !== undefined ? ` ${code}` : ''}`;
  });
  return `${list.length > 3 ? '…, ' : ''}${shown.join(', ')}`;
}

/** The problem code of a norm error answer (`urn:convergence:probleme:CODE`, else the first errors[].code). */
function problemeDe(e: EchangeCfa): string | undefined {
  const premier = codesErreur(e.response.body)[0];
  return codeProbleme(e.response.body) ?? (premier !== undefined && premier !== '?' ? premier : undefined);
}

/** What a refusal designates: `REFERENCE_FACTURE_REFUSEE sur referenceFactureCFA`. */
function motifs(e: EchangeCfa): string {
  return motifsRefus(e.response.body) || `réponse ${e.response.status}`;
}

/** A deposit of `operation` accepted with one of `statuses` whose payload has no blocking finding; fail when every deposit had one or was refused. */
function depotValide(operation: string, statuses: readonly number[], what: string, conseil: string, feminin = false) {
  const accord = feminin ? 'e' : '';
  return (c: Constats): Verdict => {
    const depots = ofOperation(c, operation);
    const bloques = (e: EchangeCfa) => c.blocagesPayload.get(e.seq) ?? [];
    const bon = depots.find((e) => statuses.includes(e.response.status) && bloques(e).length === 0);
    if (bon !== undefined) return { outcome: 'pass', exchanges: [bon.seq] };
    const mauvais = depots.filter((e) => bloques(e).length > 0 || (estRejet(e) && e.scripted === undefined));
    if (mauvais.length > 0) {
      const regles = [...new Set(mauvais.flatMap(bloques))];
      return {
        outcome: 'fail',
        reason:
          regles.length > 0
            ? `${what} envoyé${accord} porte des anomalies bloquantes (${regles.slice(0, 5).join(', ')}${regles.length > 5 ? ', …' : ''}) et aucun envoi valide n’a été accepté`
            : `${what} envoyé${accord} a été refusé${accord} (${reponses(mauvais)}) et aucun envoi valide n’a été accepté`,
        exchanges: mauvais.map((e) => e.seq).slice(0, MAX_EXCHANGES),
      };
    }
    if (depots.length === 0) return notExercised(`aucun envoi ${operation} dans la session : ${conseil}`);
    return notExercised(`aucun envoi ${operation} n’a encore été accepté (${reponses(depots)}) : renvoyez-le une fois la cause levée`);
  };
}

/** An item that a protocol rule decides once the session exercised it (`exercised` non-empty). */
function parRegle(ruleId: string, exercised: (c: Constats) => number[], absent: (c: Constats) => string) {
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

const AUCUN_CONTRAT = 'aucun contrat accepté dans la session : déposez d’abord un contrat (item contrats-depot-valide)';

/** Why a reaction item is not exercised yet, and which request of the script provokes it. */
function sansReponse(c: Constats, constat: string, match: (play: ScriptJoue['plays'][number]) => boolean, sansJeu: string): string {
  const play = jeu(c, match);
  if (play !== undefined) return `${constat} : ${play}, envoyez-la pour l’exercer`;
  if (c.script !== undefined) return `${constat} : ${sansJeu}`;
  return constat;
}

const aucunRejet = (c: Constats): string =>
  sansReponse(c, 'aucune facture rejetée dans la session', (p) => p.operation === 'POST /factures' && p.status >= 400 && p.status < 500 && p.status !== 429, 'le script ne joue aucun refus de facture, seul un refus réel du bouchon l’exerce');

/** Invoices answered with a rejection (engine or scripted play). */
const rejetsFacture = (c: Constats): EchangeCfa[] => ofOperation(c, 'POST /factures').filter(estRejet);

const ITEMS: readonly ItemDef[] = [
  {
    id: 'contrats-depot-valide',
    capability: 'contrats',
    title: 'Déposer un contrat (CERFA) valide, accepté par l’OPCO',
    // 201, or 200 where the OPCO's profile answers so (mocks/profiles.yaml depotStatus): the mock's answer is the OPCO's.
    judge: depotValide('POST /dossiers', DEPOT_REUSSI, 'Le contrat', 'déposez un contrat (POST /v2/dossiers, corps {"cerfa": …}) dont cerfa.organismeFormation.siret est celui du CFA de la clé'),
  },
  {
    id: 'contrats-etat-lu',
    capability: 'contrats',
    title: 'Lire l’état d’un dossier déposé',
    judge(c) {
      const deposes = c.session.echanges.flatMap((e) => {
        const numero = dossierDepose(e);
        return numero === undefined ? [] : [{ seq: e.seq, numero }];
      });
      if (deposes.length === 0) return notExercised(AUCUN_CONTRAT);
      for (const e of c.session.echanges) {
        const lus = dossiersLus(e);
        const depot = deposes.find((d) => d.seq < e.seq && lus.some((l) => l.numeroInterne === d.numero));
        if (depot !== undefined) return { outcome: 'pass', exchanges: [depot.seq, e.seq] };
      }
      const numero = deposes[0]!.numero;
      return notExercised(`l’état du dossier ${numero} n’a pas encore été lu : lisez-le après son dépôt (GET /dossiers?numeroInterne=${numero}, /dossiers/etats ou /dossiers/liste)`);
    },
  },
  {
    id: 'contrats-echeancier-lu',
    capability: 'contrats',
    title: 'Lire l’échéancier d’un dossier engagé',
    judge(c) {
      const deposes = new Set(c.session.echanges.map(dossierDepose).filter((n): n is string => n !== undefined));
      if (deposes.size === 0) return notExercised(AUCUN_CONTRAT);
      const lecture = c.session.echanges.find((e) =>
        dossiersLus(e).some((l) => deposes.has(l.numeroInterne) && l.etat === 'ENGAGE' && (l.echeances ?? 0) > 0),
      );
      if (lecture !== undefined) return { outcome: 'pass', exchanges: [lecture.seq] };
      const vus = c.session.echanges.flatMap(dossiersLus).filter((l) => deposes.has(l.numeroInterne) && l.etat !== undefined);
      const dernier = vus[vus.length - 1];
      return notExercised(
        'aucune lecture d’un dossier de la session ne l’a montré ENGAGE avec son échéancier' +
          (dernier !== undefined ? ` (dernier état lu : ${dernier.etat})` : '') +
          ' : lisez-le par GET /dossiers?numeroInterne=… une fois engagé (délai « decision » du script sur l’horloge du bouchon, que PUT /_admin/clock avance)',
      );
    },
  },
  {
    id: 'conventions-depot-valide',
    capability: 'conventions',
    title: 'Déposer une convention de formation valide, acceptée par l’OPCO',
    judge: depotValide('POST /conventions', [200, 201], 'La convention', 'déposez la convention de formation d’un dossier déposé dans la session (POST /conventions)', true),
  },
  {
    id: 'factures-echeance-ouverte-facturee',
    capability: 'factures',
    title: 'Facturer une échéance ouverte (facture acceptée sans anomalie bloquante)',
    judge: depotValide('POST /factures', [201], 'La facture', 'facturez une échéance ouverte d’un dossier ENGAGE dont l’état a été lu (POST /factures)', true),
  },
  {
    id: 'factures-rejet-traite',
    capability: 'factures',
    title: 'Traiter chaque rejet de facture sans la renvoyer à l’identique',
    judge: parRegle('client-facture-rejetee-corrigee', (c) => rejetsFacture(c).map((e) => e.seq), aucunRejet),
  },
  {
    id: 'factures-renvoi-corrige',
    capability: 'factures',
    title: 'Renvoyer corrigée une facture rejetée, et la voir acceptée',
    judge(c) {
      const factures = ofOperation(c, 'POST /factures');
      const rejets = factures.filter(estRejet);
      for (const rejet of rejets) {
        const numero = numeroFacture(rejet);
        if (numero === undefined) continue;
        const corps = canonicalJson(rejet.body);
        const corrige = factures.find((e) => e.seq > rejet.seq && numeroFacture(e) === numero && e.response.status === 201 && canonicalJson(e.body) !== corps);
        if (corrige !== undefined) return { outcome: 'pass', exchanges: [rejet.seq, corrige.seq] };
      }
      const regle = c.regle('client-facture-rejetee-corrigee');
      if (regle?.outcome === 'fail' && regle.waived === undefined) {
        return { outcome: 'fail', reason: 'une facture rejetée a été renvoyée à l’identique, jamais corrigée', exchanges: regle.exchanges.slice(0, MAX_EXCHANGES) };
      }
      if (rejets.length === 0) return notExercised(aucunRejet(c));
      const dernier = rejets[rejets.length - 1]!;
      const numero = numeroFacture(dernier);
      return notExercised(
        `aucune facture rejetée n’a encore été renvoyée corrigée puis acceptée : corrigez ce que le refus #${dernier.seq} désigne (${motifs(dernier)}) ` +
          `et renvoyez la facture${numero !== undefined ? ` ${numero}` : ''} sous le même numeroInterneFacture`,
      );
    },
  },
  {
    id: 'factures-etats-lus',
    capability: 'factures',
    // GET /factures/etats exists in protocol v2 only (spec/openapi.yaml).
    versions: ['v2'],
    title: 'Lire l’état des factures après un envoi accepté',
    judge(c) {
      const acceptee = ofOperation(c, 'POST /factures').find((e) => e.response.status === 201);
      if (acceptee === undefined) return notExercised('aucune facture acceptée dans la session : l’item se lit après une facture acceptée (201)');
      const lecture = ofOperation(c, 'GET /factures/etats').find((e) => e.seq > acceptee.seq && e.response.status === 200);
      if (lecture !== undefined) return { outcome: 'pass', exchanges: [acceptee.seq, lecture.seq] };
      return notExercised(`l’état des factures n’a pas été lu après la facture acceptée #${acceptee.seq} : lisez GET /v2/factures/etats`);
    },
  },
  {
    id: 'certificats-depot-valide',
    capability: 'certificats',
    versions: ['v2'],
    title: 'Déposer un certificat de réalisation valide, accepté par l’OPCO',
    judge: depotValide('POST /certificats', [200, 201], 'Le certificat', 'déposez le certificat de réalisation d’un dossier facturé (POST /v2/certificats)'),
  },
  {
    id: 'protocole-retry-after',
    capability: PROTOCOLE,
    title: 'Respecter le délai Retry-After après une réponse 429',
    judge: parRegle(
      'client-retry-after-respecte',
      (c) => c.session.echanges.filter((e) => e.response.status === 429).map((e) => e.seq),
      (c) => sansReponse(c, 'aucune réponse 429 dans la session', (p) => p.status === 429, 'le script ne joue aucun 429, l’item ne peut pas être exercé avec ce script'),
    ),
  },
  {
    id: 'protocole-erreur-serveur',
    capability: PROTOCOLE,
    title: 'Ne pas renvoyer en rafale après une erreur serveur (5xx)',
    judge: parRegle(
      'client-pas-de-tempete-apres-erreur',
      (c) => c.session.echanges.filter((e) => e.response.status >= 500).map((e) => e.seq),
      (c) => sansReponse(c, 'aucune réponse 5xx dans la session', (p) => p.status >= 500, 'le script ne joue aucune erreur 5xx, l’item ne peut pas être exercé avec ce script'),
    ),
  },
];

/** Ids of every checklist item, in report order. */
export const CHECKLIST_IDS: readonly string[] = ITEMS.map((i) => i.id);

/** Declared capabilities that have no checklist item on `version` (certificats in v1): nothing could certify them. */
export function capacitesSansItem(capabilities: readonly CapaciteCfa[], version: 'v1' | 'v2' | undefined): CapaciteCfa[] {
  if (version === undefined) return [];
  return capabilities.filter((c) => !ITEMS.some((i) => i.capability === c && (i.versions === undefined || i.versions.includes(version))));
}

/**
 * The checklist of the declared capabilities, then `protocole`, in a fixed order; a session declared on one protocol
 * version leaves out the items whose operation that version does not have.
 */
export function buildChecklist(capabilities: readonly CapaciteCfa[], constats: Constats): ChecklistItemReport[] {
  const wanted = new Set<string>([...capabilities, PROTOCOLE]);
  const version = constats.session.version;
  const available = (item: ItemDef): boolean => version === undefined || item.versions === undefined || item.versions.includes(version);
  return ITEMS.filter((item) => wanted.has(item.capability) && available(item)).map((item) => {
    const v = item.judge(constats);
    return {
      id: item.id,
      capability: item.capability,
      title: item.title,
      outcome: v.outcome,
      ...(v.reason !== undefined ? { reason: v.reason } : {}),
      ...(v.exchanges !== undefined && v.exchanges.length > 0 ? { exchanges: [...new Set(v.exchanges)] } : {}),
    };
  });
}
