// Each 'serveur' rule on a conformant exchange (pass) and on its plant (fail); the helpers that read exchanges.
import { describe, expect, it } from 'vitest';
import type { Echange } from '../../model/payloads.js';
import { computeEcheancier, prorataRupture } from '../../financing/index.js';
import { serveurRules } from './index.js';
import { errorCodes, valueAt } from './support.js';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
const PROBLEM = { 'content-type': 'application/problem+json; charset=utf-8' };
const erreur = (code: string) => ({ type: `urn:x:${code}`, title: 't', status: 400, detail: 'd', errors: [{ code, description: 'Une description' }] });

function echange(step: Partial<Echange> & { regles?: string[]; status?: number; body?: unknown; headers?: Record<string, string> }): Echange {
  return {
    scenario: 'test',
    step: 'etape',
    request: step.request ?? { method: 'GET', path: '/v2/dossiers?numeroInterne=A', headers: {} },
    response: step.response ?? { status: step.status ?? 200, headers: step.headers ?? JSON_HEADERS, body: step.body, schemaErrors: [] },
    ...(step.regles ? { expected: { ...(step.expected ?? {}), regles: step.regles } } : step.expected ? { expected: step.expected } : {}),
  };
}

const contrat = { dateConclusion: '2025-08-20', dateDebutContrat: '2025-09-01', dateFinContrat: '2027-08-31' };
const entree = { ...contrat, npecAnnuel: 7000, majorationRQTHAnnuelle: 0, iban: 'FR7630006000011234567890189', siret: '85300000800005' };
const echeances = computeEcheancier(entree);
const total = Math.round(echeances.reduce((s, e) => s + e.montantTotal * 100, 0)) / 100;
const engage = { cerfa: { numeroInterne: 'A', etat: 'ENGAGE', numeroDeca: '075202509NC0001', commentaireEtat: null, contrat }, engagement: total, echeances };

/** A conformant exchange for each rule (the plant turns it into a failing one). */
const GOOD: Record<string, Echange> = {
  'serveur-pas-erreur-serveur': echange({ status: 200, body: {} }),
  'serveur-corps-erreur': echange({ status: 404, headers: PROBLEM, body: erreur('DOSSIER_INCONNU') }),
  'serveur-erreur-type-contenu': echange({ status: 404, headers: PROBLEM, body: erreur('DOSSIER_INCONNU') }),
  'serveur-reponse-conforme-spec': echange({ status: 200, body: {} }),
  'serveur-membre-non-documente': echange({ status: 200, body: {} }),
  'serveur-pagination-total': echange({ request: { method: 'GET', path: '/v2/dossiers/etats?numeroPage=1', headers: {} }, body: { total: 1, count: 1, page: 1, EtatDossierResult: [{ numeroInterne: 'A' }] }, expected: { regles: [], cumul: 1 } }),
  'serveur-numero-deca-format': echange({ body: engage }),
  'serveur-appairage': echange({ regles: ['serveur-appairage'], body: [engage], expected: { regles: [], numeroInterne: 'A' } }),
  'serveur-cle-api-absente': echange({ regles: ['serveur-cle-api-absente'], status: 401, headers: PROBLEM, body: erreur('CLE_API_ABSENTE') }),
  'serveur-cle-api-inconnue': echange({ regles: ['serveur-cle-api-inconnue'], status: 403, headers: PROBLEM, body: erreur('CLE_API_INCONNUE') }),
  'serveur-corps-trop-volumineux-413': echange({ regles: ['serveur-corps-trop-volumineux-413'], status: 413, headers: PROBLEM, body: erreur('REQUETE_INVALIDE') }),
  'serveur-cycle-de-vie': echange({ regles: ['serveur-cycle-de-vie'], body: engage, expected: { regles: [], champs: { 'cerfa.etat': 'ENGAGE' } } }),
  'serveur-depot-cerfa-transmis': echange({ regles: ['serveur-depot-cerfa-transmis'], status: 201, body: { numeroInterne: 'A', numeroExterne: 'NORME-2025-000001', etat: 'TRANSMIS' } }),
  'serveur-dossier-inconnu-404': echange({ regles: ['serveur-dossier-inconnu-404'], status: 404, headers: PROBLEM, body: erreur('DOSSIER_INCONNU'), expected: { regles: [], status: [404] } }),
  'serveur-dossier-solde': echange({ regles: ['serveur-dossier-solde'], body: { ...engage, cerfa: { ...engage.cerfa, etat: 'SOLDE' }, echeances: echeances.map((e) => ({ ...e, montantRegle: e.montantTotal })) } }),
  'serveur-doublon-detecte': echange({ regles: ['serveur-doublon-detecte'], body: { cerfa: { etat: 'ANNULE', commentaireEtat: 'Doublon du dossier NORME-2025-000001' } } }),
  'serveur-echeancier-repartition': echange({ regles: ['serveur-echeancier-repartition'], body: engage }),
  'serveur-engage-numero-deca': echange({ regles: ['serveur-engage-numero-deca'], body: engage }),
  'serveur-entetes-editeur-obligatoires': echange({ regles: ['serveur-entetes-editeur-obligatoires'], status: 400, headers: PROBLEM, body: erreur('ENTETE_EDITEUR_ABSENTE') }),
  'serveur-facture-acceptee': echange({ regles: ['serveur-facture-acceptee'], status: 201, body: { numeroInterneFacture: 'F1', etatFacture: 'EN_COURS_INSTRUCTION' } }),
  'serveur-facture-reglement': echange({ regles: ['serveur-facture-reglement'], body: { ...engage, echeances: echeances.map((e, i) => (i === 0 ? { ...e, montantRegle: e.montantTotal } : e)) }, expected: { regles: [], champs: { 'echeances[0].montantRegle': echeances[0]!.montantTotal } } }),
  'serveur-isolation-dossier': echange({ regles: ['serveur-isolation-dossier'], status: 404, headers: PROBLEM, body: erreur('DOSSIER_INCONNU') }),
  'serveur-isolation-etats': echange({ regles: ['serveur-isolation-etats'], body: { total: 1, count: 1, page: 1, EtatDossierResult: [{ numeroInterne: 'B' }] }, expected: { regles: [], absents: ['A'] } }),
  'serveur-json-malforme-400': echange({ regles: ['serveur-json-malforme-400'], status: 400, headers: PROBLEM, body: erreur('JSON_MALFORME') }),
  'serveur-refus-eligibilite': echange({ regles: ['serveur-refus-eligibilite'], body: { cerfa: { etat: 'REFUSE', commentaireEtat: "Refusé : l'apprenti dépasse l'âge maximal" } } }),
  'serveur-statut-disponible': echange({ regles: ['serveur-statut-disponible'], request: { method: 'GET', path: '/v2/status', headers: {} }, body: { status: 'healthy', supportedVersions: ['v2'] } }),
  'serveur-cle-api-info': echange({ regles: ['serveur-cle-api-info'], request: { method: 'GET', path: '/v2/cfakeyinfo', headers: {} }, body: { status: 'success', dateFinValidite: '2099-12-31', comment: 'Clé valide' } }),
  'serveur-rupture-prorata': echange({ regles: ['serveur-rupture-prorata'], body: { cerfa: { etat: 'RUPTURE', contrat: { ...contrat, dateRupture: '2026-03-01' } }, engagement: echeances[0]!.montantTotal, echeances: [echeances[0]] } }),
  'serveur-pagination-numero-page': echange({ request: { method: 'GET', path: '/v2/dossiers/etats?numeroPage=2', headers: {} }, body: { total: 3, count: 1, page: 2, EtatDossierResult: [{ numeroInterne: 'C' }] }, expected: { regles: ['serveur-pagination-numero-page'], cumul: 3 } }),
  'serveur-type-contenu-json': echange({ status: 200, body: { status: 'healthy' } }),
  'serveur-retry-after-429': echange({ regles: ['serveur-retry-after-429'], status: 429, headers: { ...PROBLEM, 'retry-after': '1' }, body: erreur('TROP_DE_REQUETES') }),
  'serveur-redepot-refuse': echange({ regles: ['serveur-redepot-refuse'], status: 409, headers: PROBLEM, body: erreur('DOSSIER_DEJA_CONNU') }),
  'serveur-erreur-champ': echange({ regles: ['serveur-erreur-champ'], status: 400, headers: PROBLEM, body: { ...erreur('VALEUR_INVALIDE'), errors: [{ code: 'VALEUR_INVALIDE', description: 'd', champ: 'cerfa.contrat.dateDebutContrat' }] }, expected: { regles: [], status: [400], champs: { 'errors[].champ': 'cerfa.contrat.dateDebutContrat' } } }),
  'serveur-rupture-montant-prorata': echange({ regles: ['serveur-rupture-montant-prorata'], body: { cerfa: { etat: 'RUPTURE', contrat: { ...contrat, dateRupture: echeances[1]!.dateOuverture } }, echeances: prorataRupture(echeances, echeances[1]!.dateOuverture, entree) }, expected: { regles: [], champs: { '@engagementAvantRupture': total } } }),
  'serveur-isolation-appairage': echange({ regles: ['serveur-isolation-appairage'], body: [], expected: { regles: [], absents: ['A'] } }),
  'serveur-decision-vingt-jours': echange({ regles: ['serveur-decision-vingt-jours'], body: { cerfa: { etat: 'REFUSE', commentaireEtat: "Refus implicite : aucune décision de l'OPCO dans le délai de 20 jours" } } }),
  'serveur-decision-annulation-non-commence': echange({ regles: ['serveur-decision-annulation-non-commence'], body: { cerfa: { etat: 'ANNULE', commentaireEtat: 'Annulé : contrat non commencé' } } }),
  'serveur-facture-refus-motif': echange({ request: { method: 'GET', path: '/v2/factures/etats?numeroPage=1', headers: {} }, body: { total: 2, count: 2, page: 1, factures: [{ numeroInterneFacture: 'F1', etatFacture: 'REJETEE', commentaire: 'Le montant total de la facture doit correspondre à la somme des lignes' }, { numeroInterneFacture: 'F2', etatFacture: 'REGLE', commentaire: null }] } }),
  'serveur-dossier-non-modifiable': echange({ regles: ['serveur-dossier-non-modifiable'], request: { method: 'PUT', path: '/v2/dossiers?numeroInterne=A', headers: {} }, status: 404, headers: PROBLEM, body: erreur('OPERATION_INCONNUE') }),
  'serveur-facture-suivi-echeancier': echange({ regles: ['serveur-facture-suivi-echeancier'], body: { ...engage, echeances: echeances.map((e, i) => (i === 0 ? { ...e, montantEnCoursInstruction: e.montantTotal } : e)) }, expected: { regles: [], champs: { '@numeroEcheance': 1, '@montantEnCours': echeances[0]!.montantTotal } } }),
  // A level-5 certification without NPEC concluded on 2025-08-20: the 6 000 € valeur d'amorçage (arrêté of 31 August 2022).
  'serveur-npec-valeur-amorcage': echange({ regles: ['serveur-npec-valeur-amorcage'], body: { ...engage, cerfa: { ...engage.cerfa, formation: { typeDiplome: 54, dureeFormation: 1350 } }, echeances: computeEcheancier({ ...entree, npecAnnuel: 6000 }) } }),
};

describe('serveur rules', () => {
  it('have a conformant exchange each in this test', () => {
    expect(serveurRules.map((r) => r.id).filter((id) => !(id in GOOD))).toEqual([]);
  });

  for (const rule of serveurRules) {
    it(`${rule.id}: passes its good case, fails its plant`, () => {
      const good = GOOD[rule.id]!;
      expect(rule.check(good, {})).toEqual({ outcome: 'pass' });
      const planted = rule.plant(good, {}).payload;
      expect(rule.check(planted, {}).outcome).toBe('fail');
      expect(good).toEqual(GOOD[rule.id]); // plants never mutate their input
    });
  }

  it('leave exchanges their step does not name to the generic rules', () => {
    const other = echange({ regles: ['serveur-cycle-de-vie'], status: 201, body: {} });
    const listedOnly = serveurRules.filter((r) => r.check(other, {}).outcome === 'not-applicable').map((r) => r.id);
    expect(listedOnly).toContain('serveur-facture-acceptee');
    expect(listedOnly).not.toContain('serveur-pas-erreur-serveur');
  });

  it('infer the NPEC from the amounts: a 50/50 schedule of the same total fails', () => {
    const rule = serveurRules.find((r) => r.id === 'serveur-echeancier-repartition')!;
    const moitie = Math.round((echeances[0]!.montantTotal + echeances[1]!.montantTotal) * 50) / 100;
    const faux = echeances.map((e, i) => (i < 2 ? { ...e, montantPedagogique: moitie, montantTotal: moitie } : e));
    expect(rule.check(echange({ regles: [rule.id], body: { ...engage, echeances: faux } }), {}).outcome).toBe('fail');
  });
});

describe('serveur-statut-disponible and serveur-cle-api-info', () => {
  const rule = (id: string) => serveurRules.find((r) => r.id === id)!;
  const outcome = (id: string, e: Echange) => rule(id).check(e as never, {}).outcome;

  it('accept a degraded API, refuse a 503 or an unknown state', () => {
    const statut = (status: number, body: unknown) => echange({ regles: ['serveur-statut-disponible'], status, body });
    expect(outcome('serveur-statut-disponible', statut(200, { status: 'degraded' }))).toBe('pass');
    expect(outcome('serveur-statut-disponible', statut(503, { status: 'unhealthy' }))).toBe('fail');
    expect(outcome('serveur-statut-disponible', statut(200, {}))).toBe('fail');
  });

  it('refuse a key said invalid or an end date that is not a date; accept no end date', () => {
    const info = (body: unknown) => echange({ regles: ['serveur-cle-api-info'], body });
    expect(outcome('serveur-cle-api-info', info({ status: 'success', dateFinValidite: '2026-11-23' }))).toBe('pass');
    expect(outcome('serveur-cle-api-info', info({ status: 'error', dateFinValidite: '2026-11-23' }))).toBe('fail');
    expect(outcome('serveur-cle-api-info', info({ status: 'success', dateFinValidite: '23/11/2027' }))).toBe('fail');
    expect(outcome('serveur-cle-api-info', info({ status: 'success', dateFinValidite: null }))).toBe('pass');
  });
});

describe('support', () => {
  it('reads dot paths with indexes and lengths, and the codes of errors[]', () => {
    expect(valueAt({ a: [{ b: 1 }] }, 'a[0].b')).toBe(1);
    expect(valueAt({ a: [1, 2] }, 'a.length')).toBe(2);
    expect(valueAt({ a: 1 }, '$')).toEqual({ a: 1 });
    expect(errorCodes({ errors: [{ code: 'X' }, { nope: 1 }] })).toEqual(['X']);
  });
});
