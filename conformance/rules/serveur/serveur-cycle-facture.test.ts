// What the issue 14 server rules accept and refuse beyond their good case and plant (serveur.test.ts): deadlines, V1 read-only, invoice follow-up.
import { describe, expect, it } from 'vitest';
import type { Echange } from '../../model/payloads.js';
import { serveurRules } from './index.js';

const rule = (id: string) => serveurRules.find((r) => r.id === id)!;
const echange = (e: Partial<Echange> & { status?: number; body?: unknown; regles?: string[]; champs?: Record<string, unknown> }): Echange => ({
  scenario: 's',
  step: 'e',
  request: e.request ?? { method: 'GET', path: '/v2/dossiers?numeroInterne=A', headers: {} },
  response: { status: e.status ?? 200, headers: { 'content-type': 'application/json' }, body: e.body },
  ...(e.regles ? { expected: { regles: e.regles, ...(e.champs ? { champs: e.champs } : {}) } } : {}),
});
const outcome = (id: string, e: Echange) => rule(id).check(e as never, {}).outcome;

const E = (over: Record<string, unknown> = {}) => ({ numero: 1, codification: 'E1', montantTotal: 100, montantPedagogique: 100, montantMajorationRQTH: 0, montantRegle: 0, montantEnCoursInstruction: 0, dateOuverture: '2025-09-01', dateDebut: '2025-09-01', dateFin: '2026-08-31', ...over });

describe('serveur-decision-vingt-jours', () => {
  const lu = (cerfa: unknown) => echange({ regles: ['serveur-decision-vingt-jours'], body: { cerfa } });
  it('accepts any decision, a refusal only with its reason', () => {
    expect(outcome('serveur-decision-vingt-jours', lu({ etat: 'ENGAGE' }))).toBe('pass');
    expect(outcome('serveur-decision-vingt-jours', lu({ etat: 'ANNULE', commentaireEtat: 'Doublon' }))).toBe('pass');
    expect(outcome('serveur-decision-vingt-jours', lu({ etat: 'REFUSE', commentaireEtat: 'Refus implicite' }))).toBe('pass');
    expect(outcome('serveur-decision-vingt-jours', lu({ etat: 'REFUSE', commentaireEtat: '  ' }))).toBe('fail');
    expect(outcome('serveur-decision-vingt-jours', lu({ etat: 'TRANSMIS' }))).toBe('fail');
    expect(outcome('serveur-decision-vingt-jours', echange({ body: { cerfa: { etat: 'TRANSMIS' } } }))).toBe('not-applicable');
  });
});

describe('serveur-decision-annulation-non-commence', () => {
  it('wants ANNULE with a reason', () => {
    const lu = (cerfa: unknown) => echange({ regles: ['serveur-decision-annulation-non-commence'], body: { cerfa } });
    expect(outcome('serveur-decision-annulation-non-commence', lu({ etat: 'ANNULE', commentaireEtat: null }))).toBe('fail');
    expect(outcome('serveur-decision-annulation-non-commence', lu({ etat: 'RUPTURE', commentaireEtat: 'x' }))).toBe('fail');
  });
});

describe('serveur-dossier-non-modifiable', () => {
  const id = 'serveur-dossier-non-modifiable';
  it('wants PUT and DELETE answered as absent operations; a read is judged on the step’s values', () => {
    const put = (status: number, method = 'PUT') => echange({ regles: [id], status, request: { method, path: '/v2/dossiers?numeroInterne=A', headers: {} } });
    expect([put(404), put(405), put(501), put(405, 'DELETE')].map((e) => outcome(id, e))).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect([put(200), put(204, 'DELETE'), put(400)].map((e) => outcome(id, e))).toEqual(['fail', 'fail', 'fail']);
    const relu = (prenom: string) => echange({ regles: [id], champs: { 'cerfa.apprenti.prenom': 'Lucas' }, body: { cerfa: { apprenti: { prenom } } } });
    expect(outcome(id, relu('Lucas'))).toBe('pass');
    expect(outcome(id, relu('Modifie'))).toBe('fail');
  });
});

describe('serveur-facture-refus-motif', () => {
  const id = 'serveur-facture-refus-motif';
  const page = (factures: unknown[], regles?: string[]) => echange({ request: { method: 'GET', path: '/v2/factures/etats?numeroPage=1', headers: {} }, body: { total: factures.length, count: factures.length, page: 1, factures }, ...(regles ? { regles } : {}) });
  it('judges every page of invoice states, a rejected invoice needing its commentaire', () => {
    expect(outcome(id, page([{ etatFacture: 'REJETEE', commentaire: 'Le numéro d’échéance est inconnu' }]))).toBe('pass');
    expect(outcome(id, page([{ etatFacture: 'REJETEE', commentaire: '' }]))).toBe('fail');
    expect(outcome(id, page([{ etatFacture: 'REGLE', commentaire: null }]))).toBe('pass');
    expect(outcome(id, echange({ body: {} }))).toBe('not-applicable');
    expect(outcome(id, echange({ regles: [id], status: 500, body: {} }))).toBe('fail');
  });
});

describe('serveur-facture-suivi-echeancier', () => {
  const id = 'serveur-facture-suivi-echeancier';
  const lu = (echeances: unknown[], etat = 'ENGAGE', champs?: Record<string, unknown>) => echange({ body: { cerfa: { etat }, echeances }, ...(champs ? { regles: [id], champs } : {}) });
  it('judges every dossier read: the FAQ fields, amounts ≥ 0, paid + being processed ≤ total', () => {
    expect(outcome(id, lu([E(), E({ numero: 2, dateDebut: null, dateFin: null })]))).toBe('pass');
    expect(outcome(id, lu([E({ montantRegle: 60, montantEnCoursInstruction: 50 })]))).toBe('fail');
    expect(outcome(id, lu([E({ montantMajorationRQTH: -1 })]))).toBe('fail');
    const { dateOuverture: _d, ...sansOuverture } = E();
    expect(outcome(id, lu([sansOuverture]))).toBe('fail');
    const { dateFin: _f, ...sansPeriode } = E();
    expect(outcome(id, lu([sansPeriode]))).toBe('fail');
    expect(outcome(id, echange({ body: [] }))).toBe('not-applicable');
  });

  it('lets an overpayment show after a rupture', () => {
    expect(outcome(id, lu([E({ montantTotal: 0, montantPedagogique: 0, montantRegle: 100 })], 'RUPTURE'))).toBe('pass');
    expect(outcome(id, lu([E({ montantTotal: 0, montantPedagogique: 0, montantRegle: 100 })], 'RUPTU'))).toBe('pass');
  });

  it('wants the invoice just accepted en cours d’instruction, not already paid', () => {
    const champs = { '@numeroEcheance': 1, '@montantEnCours': 100 };
    expect(outcome(id, lu([E({ montantEnCoursInstruction: 100 })], 'ENGAGE', champs))).toBe('pass');
    expect(outcome(id, lu([E({ montantRegle: 100 })], 'ENGAGE', champs))).toBe('fail');
    expect(outcome(id, lu([E({ numero: 2, montantEnCoursInstruction: 100 })], 'ENGAGE', champs))).toBe('fail');
  });
});
