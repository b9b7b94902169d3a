// The capability checklist: per declared capability (and `protocole`), what the session showed the software doing right.
import type { CapaciteCfa, EchangeCfa } from '../model/session.js';
import type { ChecklistItemReport } from '../../reports/suite/model.js';
import { canonicalJson, DEPOT_REUSSI, dossierDepose, dossiersLus, estRejet, numeroFacture } from './exchanges.js';
import {
  jeu,
  MAX_EXCHANGES,
  motifs,
  notExercised,
  ofOperation,
  parRegle,
  PROTOCOLE,
  reponses,
  sansReponse,
  type Constats,
  type ItemDef,
  type Verdict,
} from './checklist-support.js';

export { PROTOCOLE, type Constats, type ScriptJoue, type VerdictRegle } from './checklist-support.js';

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

/** The reads of a dossier's state a `lectures` software makes. */
const LECTURES_ETAT: readonly string[] = ['GET /dossiers', 'GET /dossiers/etats', 'GET /dossiers/liste'];

const PAUSE = 'client-pause-avant-renvoi-apres-5xx';
const TEMPETE = 'client-pas-de-tempete-apres-erreur';

/**
 * After a 5xx: no storm (exercised by any 5xx) and a pause before the resend. The pause rule only adds its failure:
 * software that does not resend the request at all has nothing to pause for.
 */
function apresErreurServeur(c: Constats): Verdict {
  const tempete = parRegle(
    TEMPETE,
    (k) => k.session.echanges.filter((e) => e.response.status >= 500).map((e) => e.seq),
    (k) => sansReponse(k, 'aucune réponse 5xx dans la session', (p) => p.status >= 500, 'le script ne joue aucune erreur 5xx, l’item ne peut pas être exercé avec ce script'),
  )(c);
  const pause = c.regle(PAUSE);
  if (tempete.outcome === 'fail' || pause === undefined || (pause.outcome !== 'fail' && pause.outcome !== 'error')) return tempete;
  if (pause.waived !== undefined) return tempete.outcome === 'pass' ? { ...tempete, reason: `règle ${PAUSE} non satisfaite mais levée par dérogation : ${pause.waived}` } : tempete;
  return {
    outcome: 'fail',
    reason: pause.outcome === 'fail' ? `règle ${PAUSE} non satisfaite` : `la règle ${PAUSE} n’a pas pu juger : ${pause.reason ?? 'erreur'}`,
    exchanges: pause.exchanges.slice(0, MAX_EXCHANGES),
  };
}

const AUCUN_CONTRAT = 'aucun contrat accepté dans la session : déposez d’abord un contrat (item contrats-depot-valide)';

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
    id: 'lectures-etat-dossier',
    capability: 'lectures',
    title: 'Lire l’état d’un dossier connu de l’OPCO (par son numéro, dans la liste des états ou la liste par numéros)',
    judge(c) {
      const lecture = c.session.echanges.find((e) => dossiersLus(e).length > 0);
      if (lecture !== undefined) return { outcome: 'pass', exchanges: [lecture.seq] };
      const tentatives = c.session.echanges.filter((e) => LECTURES_ETAT.includes(e.operation ?? ''));
      if (tentatives.length === 0) {
        return notExercised('aucune lecture d’état dans la session : lisez un dossier du CFA (GET /dossiers?numeroInterne=…, /dossiers/etats ou /dossiers/liste)');
      }
      return notExercised(`aucune lecture n’a encore montré un dossier (${reponses(tentatives)}) : lisez un dossier que le CFA a déposé avec cette clé`);
    },
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
    title: 'Après une erreur serveur (5xx), attendre avant de renvoyer la même requête, sans rafale',
    judge: apresErreurServeur,
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
