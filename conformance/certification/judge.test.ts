// The certification judge on the good session and on copies that each make one mistake: exactly the matching rule fails.
import { describe, it, expect } from 'vitest';
import type { CapaciteCfa, SessionCfa } from '../model/session.js';
import type { Cerfa } from '../model/payloads.js';
import { estEnveloppeCerfa, lireDepotCerfa } from '../model/depot-cerfa.js';
import { commeUnLogiciel } from '../generate/index.js';
import { findRule } from '../rules/index.js';
import type { Rule, RuleContext } from '../rules/rule.js';
import { UnknownRuleError } from '../engine/evaluate.js';
import { validateSuiteReport, suiteReporters, type SuiteReport } from '../../reports/suite/index.js';
import { avecEchanges, copieSession, echange, sessionValide, T0_MS } from '../rules/fixtures/session-valide.js';
import { judgeSession, type JudgeOptions } from './index.js';

const TOUTES: CapaciteCfa[] = ['contrats', 'conventions', 'factures', 'certificats'];
const MOCK = 'http://127.0.0.1:4010';

function juger(session: SessionCfa, options: Partial<JudgeOptions> = {}): SuiteReport {
  return judgeSession(session, {
    capabilities: TOUTES,
    target: { url: MOCK, profile: 'norme' },
    tool: { name: 'convergence', version: '0.1.0' },
    now: () => new Date(T0_MS + 3_600_000),
    ...options,
  });
}

const echoues = (report: SuiteReport): string[] =>
  report.rules.filter((r) => r.outcome === 'fail' || r.outcome === 'error').map((r) => r.ruleId).sort();
const item = (report: SuiteReport, id: string) => report.checklist?.find((i) => i.id === id);
/** The exchange of the good session with this seq (1-based). */
const a = (session: SessionCfa, seq: number) => session.echanges[seq - 1]!;
/** The CERFA a deposit body carries (the wire's `{"cerfa": …}`, or a bare one). */
const cerfaDe = (body: unknown): Cerfa => lireDepotCerfa(body).cerfa;
/** A cerfa rule's plant on a deposit body: on its inner CERFA, the wrapper kept. */
function planter(rule: Rule<any>, body: unknown, context: RuleContext): unknown {
  if (!estEnveloppeCerfa(body)) return rule.plant(body as Cerfa, context).payload;
  return { ...body, cerfa: rule.plant(cerfaDe(body), context).payload };
}

describe('the good session', () => {
  const report = juger(sessionValide());

  it('has every checklist item of every capability and protocole passing, no finding, exit 0', () => {
    expect(report.checklist?.map((i) => [i.id, i.outcome, i.reason])).toEqual(report.checklist?.map((i) => [i.id, 'pass', undefined]));
    expect(new Set(report.checklist?.map((i) => i.capability))).toEqual(new Set([...TOUTES, 'protocole']));
    expect(report.checklist).toHaveLength(11);
    expect(echoues(report)).toEqual([]);
    expect(report.summary.blocking).toBe(0);
    expect(report.exitCode).toBe(0);
  });

  it('points each item to the exchanges that show it', () => {
    expect(item(report, 'contrats-depot-valide')?.exchanges).toEqual([3]);
    expect(item(report, 'contrats-etat-lu')?.exchanges).toEqual([3, 5]);
    expect(item(report, 'contrats-echeancier-lu')?.exchanges).toEqual([6]);
    expect(item(report, 'factures-renvoi-corrige')?.exchanges).toEqual([8, 9]);
    expect(item(report, 'factures-rejet-traite')?.exchanges).toEqual([8]);
    expect(item(report, 'protocole-retry-after')?.exchanges).toEqual([4]);
    expect(item(report, 'protocole-erreur-serveur')?.exchanges).toEqual([2]);
  });

  it('judges payload and client rules, never the serveur rules', () => {
    const areas = new Set(report.rules.map((r) => r.area));
    expect(areas.has('client')).toBe(true);
    expect(areas.has('identifiants')).toBe(true);
    expect(areas.has('serveur')).toBe(false);
    expect(report.rules.find((r) => r.ruleId === 'client-retry-after-respecte')?.outcome).toBe('pass');
  });

  it('fills kind, target, session, scenario and coverage, and is a valid 1.2 report', () => {
    expect(report.kind).toBe('cfa');
    expect(report.schemaVersion).toBe('1.2');
    expect(report.target).toEqual({ url: MOCK, profile: 'norme' });
    expect(report.session).toEqual({
      id: 'norme-3f9a1c2b',
      opco: 'norme',
      cfa: sessionValide().cfa,
      editor: { editeur: 'Editions Exemple', logiciel: 'GestApprentis', version: '4.2.0' },
      version: 'v2',
      capabilities: TOUTES,
      requests: 11,
      firstAt: '2026-01-12T09:00:00.000Z',
      lastAt: '2026-01-12T09:01:50.000Z',
    });
    expect(report.startedAt).toBe('2026-01-12T09:00:00.000Z');
    expect(report.finishedAt).toBe('2026-01-12T10:00:00.000Z');
    const [scenario] = report.scenarios;
    expect(scenario?.id).toBe('norme-3f9a1c2b');
    expect(scenario?.outcome).toBe('pass');
    expect(scenario?.steps[7]).toEqual({ name: '#8 POST /v2/factures', outcome: 'pass', status: 400 });
    expect(report.coverage.clauses?.some((c) => c.id.startsWith('CLI-'))).toBe(true);
    expect(report.coverage.verified).toBeGreaterThan(0);
    expect(validateSuiteReport(report)).toEqual([]);
  });

  it('marks the payload rules of a kind never sent as not applicable, with a French reason', () => {
    const session = sessionValide();
    const sansCertificat = avecEchanges(session, session.echanges.filter((e) => e.operation !== 'POST /certificats'));
    const r = juger(sansCertificat, { capabilities: ['contrats'] });
    const certificat = r.rules.find((x) => x.ruleId === 'certificat-champs-obligatoires');
    expect(certificat).toMatchObject({ outcome: 'not-applicable', reason: 'aucun envoi de certificat de réalisation dans la session' });
  });
});

describe('one mistake each: exactly the matching rule fails', () => {
  it('a request without EDITEUR → client-entetes-editeur-presents, with its exchange as evidence', () => {
    const session = sessionValide();
    delete a(session, 10).headers.editeur;
    const report = juger(session);
    expect(echoues(report)).toEqual(['client-entetes-editeur-presents']);
    const rule = report.rules.find((r) => r.ruleId === 'client-entetes-editeur-presents')!;
    expect(rule.evidence).toHaveLength(1);
    expect(rule.evidence[0]).toMatchObject({ scenario: 'norme-3f9a1c2b', step: '#10 GET /v2/factures/etats', request: { method: 'GET', url: `${MOCK}/v2/factures/etats` } });
    expect(rule.evidence[0]?.curl).toContain('"X-API-KEY: $API_KEY"');
    expect(rule.evidence[0]?.curl).not.toContain('EDITEUR:');
    // The step names the exchange by its seq: the path keeps only what is inside it, not the array index.
    expect(rule.evidence[0]?.path).toBe('headers');
    expect(report.scenarios[0]?.steps[9]?.outcome).toBe('fail');
    expect(report.scenarios[0]?.outcome).toBe('fail');
    expect(report.exitCode).toBe(1);
  });

  it('an invoice of a dossier the recorded context shows TRANSMIS → facture-dossier-numero-deca', () => {
    const session = sessionValide();
    for (const seq of [8, 9]) {
      const dossiers = a(session, seq).payload!.context.dossiers!;
      dossiers[0] = { ...dossiers[0]!, cerfa: { ...dossiers[0]!.cerfa, etat: 'TRANSMIS', numeroDeca: null } };
    }
    const report = juger(session);
    expect(echoues(report)).toEqual(['facture-dossier-numero-deca']);
    const rule = report.rules.find((r) => r.ruleId === 'facture-dossier-numero-deca')!;
    expect(rule.evidence.map((e) => e.step)).toEqual(['#8 POST /v2/factures', '#9 POST /v2/factures']);
    expect(rule.evidence[0]).toMatchObject({ path: 'lignes[0].numeroInterneDossier', received: 'état TRANSMIS, sans numéro DECA' });
    // The accepted invoice had a blocking finding: the item is not earned.
    expect(item(report, 'factures-echeance-ouverte-facturee')?.outcome).toBe('fail');
    expect(report.exitCode).toBe(1);
  });

  it('an immediate retry after a 429 → client-retry-after-respecte, and the protocole item fails', () => {
    const session = sessionValide();
    a(session, 5).receivedAtMs = a(session, 4).receivedAtMs + 100;
    const report = juger(session);
    expect(echoues(report)).toEqual(['client-retry-after-respecte']);
    expect(item(report, 'protocole-retry-after')).toMatchObject({ outcome: 'fail', exchanges: [5] });
    expect(report.exitCode).toBe(1);
  });

  it('a refused invoice re-sent unchanged → client-facture-rejetee-corrigee, and the factures items fail', () => {
    const session = sessionValide();
    a(session, 9).body = structuredClone(a(session, 8).body);
    const report = juger(session);
    expect(echoues(report)).toEqual(['client-facture-rejetee-corrigee']);
    expect(item(report, 'factures-rejet-traite')?.outcome).toBe('fail');
    expect(item(report, 'factures-renvoi-corrige')?.outcome).toBe('fail');
    expect(report.rules.find((r) => r.ruleId === 'client-facture-rejetee-corrigee')?.evidence[0]?.step).toBe('#9 POST /v2/factures');
    expect(report.exitCode).toBe(1);
  });

  it('a contract with an invalid NIR (the nir-cle plant) → nir-cle, and the contrats deposit item fails', () => {
    const session = sessionValide();
    const rule = findRule('nir-cle')!;
    for (const seq of [2, 3]) {
      const e = a(session, seq);
      e.body = planter(rule, e.body, e.payload!.context);
    }
    const report = juger(session);
    expect(echoues(report)).toEqual(['nir-cle']);
    const nir = report.rules.find((r) => r.ruleId === 'nir-cle')!;
    expect(nir.evidence.map((e) => e.step)).toEqual(['#2 POST /v2/dossiers', '#3 POST /v2/dossiers']);
    expect(nir.evidence[0]?.path).toBe(`${estEnveloppeCerfa(a(session, 3).body) ? 'cerfa.' : ''}apprenti.nir`);
    expect(item(report, 'contrats-depot-valide')).toMatchObject({ outcome: 'fail', exchanges: [2, 3] });
    // Neither the evidence nor the rendered reports carry the NIR, the apprentice's name or birth date.
    const cerfa = cerfaDe(a(session, 3).body);
    for (const format of ['json', 'markdown', 'html', 'junit', 'sarif'] as const) {
      const out = suiteReporters[format](report);
      expect(out).not.toContain(cerfa.apprenti.nir!);
      expect(out).not.toContain(`"${cerfa.apprenti.nom}"`);
      expect(out).not.toContain(cerfa.apprenti.dateNaissance);
    }
    expect(nir.evidence[0]?.curl).not.toContain(cerfa.apprenti.nir!);
  });
});

describe('a deposit as real software writes it', () => {
  /** The good session whose contract leaves as third-party CfaDock clients write it: wrapped, date-times, no numeroInterne. */
  function sessionLogiciel(): SessionCfa {
    const session = sessionValide();
    const corps = commeUnLogiciel(cerfaDe(a(session, 3).body));
    for (const seq of [2, 3]) a(session, seq).body = structuredClone(corps);
    return session;
  }

  it('fails no rule and earns every checklist item, the OPCO assigning the number it answers', () => {
    const session = sessionLogiciel();
    const body = a(session, 3).body as { cerfa: Cerfa };
    expect(body.cerfa.numeroInterne).toBeUndefined();
    expect(body.cerfa.apprenti.dateNaissance).toMatch(/T00:00:00\+00:00$/);
    const report = juger(session);
    expect(echoues(report)).toEqual([]);
    expect(report.checklist?.filter((i) => i.outcome !== 'pass').map((i) => `${i.id}: ${i.reason}`)).toEqual([]);
    expect(item(report, 'contrats-etat-lu')?.exchanges).toEqual([3, 5]);
    expect(report.exitCode).toBe(0);
  });

  it('counts a deposit answered 200 (a profile declaring depotStatus 200) as accepted', () => {
    const session = sessionLogiciel();
    a(session, 3).response = { ...a(session, 3).response, status: 200 };
    const report = juger(session);
    expect(item(report, 'contrats-depot-valide')).toMatchObject({ outcome: 'pass', exchanges: [3] });
    expect(item(report, 'contrats-etat-lu')?.outcome).toBe('pass');
  });
});

describe('checklist and exit code', () => {
  it('lists only the declared capabilities, plus protocole', () => {
    const report = juger(sessionValide(), { capabilities: ['factures'] });
    expect(new Set(report.checklist?.map((i) => i.capability))).toEqual(new Set(['factures', 'protocole']));
    expect(report.session?.capabilities).toEqual(['factures']);
    expect(report.exitCode).toBe(0);
  });

  it('leaves out the items whose operation the declared version lacks (GET /factures/etats in v1)', () => {
    const v1 = { ...sessionValide(), version: 'v1' as const };
    const ids = juger(v1, { capabilities: ['factures', 'certificats'] }).checklist?.map((i) => i.id);
    expect(ids).toContain('factures-renvoi-corrige');
    expect(ids).not.toContain('factures-etats-lus');
    expect(ids).not.toContain('certificats-depot-valide');
    expect(juger(sessionValide(), { capabilities: ['factures'] }).checklist?.map((i) => i.id)).toContain('factures-etats-lus');
  });

  it('exits 1 when an item is not exercised, even with no finding', () => {
    const session = sessionValide();
    // No 429 in the session: the throttling item cannot be observed.
    const sans429 = avecEchanges(session, session.echanges.filter((e) => e.response.status !== 429));
    const report = juger(sans429);
    expect(echoues(report)).toEqual([]);
    expect(item(report, 'protocole-retry-after')).toMatchObject({ outcome: 'not-exercised', reason: 'aucune réponse 429 dans la session' });
    expect(report.exitCode).toBe(1);
  });

  it('says which scripted request exercises a reaction item, or that the script cannot', () => {
    const session = sessionValide();
    const sans429 = avecEchanges(session, session.echanges.filter((e) => e.response.status !== 429 && e.response.status < 500));
    const plays = [
      { id: 'limite-debit-lecture', operation: 'GET /dossiers', occurrence: 1, status: 429 },
      { id: 'rejet-premiere-facture', operation: 'POST /factures', occurrence: 1, status: 400 },
    ];
    const report = juger(sans429, { script: { plays } });
    expect(item(report, 'protocole-retry-after')?.reason).toBe(
      'aucune réponse 429 dans la session : le script répond 429 à la 1re requête GET /dossiers de la session (limite-debit-lecture), envoyez-la pour l’exercer',
    );
    expect(item(report, 'protocole-erreur-serveur')?.reason).toBe(
      'aucune réponse 5xx dans la session : le script ne joue aucune erreur 5xx, l’item ne peut pas être exercé avec ce script',
    );
    const sansFacture = avecEchanges(session, session.echanges.filter((e) => e.operation !== 'POST /factures'));
    expect(item(juger(sansFacture, { script: { plays } }), 'factures-rejet-traite')?.reason).toContain('le script répond 400 à la 1re requête POST /factures');
    expect(item(juger(sansFacture, { script: { plays: [] } }), 'factures-rejet-traite')?.reason).toContain('seul un refus réel du bouchon l’exerce');
  });

  it('tells how to exercise an item never attempted, and what the deposits got when none was accepted', () => {
    const session = sessionValide();
    const sansConvention = avecEchanges(session, session.echanges.filter((e) => e.operation !== 'POST /conventions'));
    expect(item(juger(sansConvention), 'conventions-depot-valide')?.reason).toBe(
      'aucun envoi POST /conventions dans la session : déposez la convention de formation d’un dossier déposé dans la session (POST /conventions)',
    );
    // Only the scripted 503: the reason names the answer and asks for a resend.
    const premier = session.echanges.find((e) => e.operation === 'POST /dossiers' && e.scripted !== undefined)!;
    const seul503 = avecEchanges(session, session.echanges.filter((e) => e.operation !== 'POST /dossiers' || e === premier));
    expect(item(juger(seul503), 'contrats-depot-valide')?.reason).toBe(
      `aucun envoi POST /dossiers n’a encore été accepté (#${premier.seq} 503 (réponse jouée ${premier.scripted})) : renvoyez-le une fois la cause levée`,
    );
  });

  it('fails a deposit item the OPCO only refused, naming the answers, with the right agreement', () => {
    const session = sessionValide();
    const facture = session.echanges.find((e) => e.operation === 'POST /factures' && e.response.status === 201)!;
    const refusee = { ...facture, scripted: undefined, response: { status: 400, headers: {}, body: { type: 'urn:convergence:probleme:FACTURE_REJETEE', errors: [{ code: 'FACTURE_DEJA_CONNUE', description: 'x' }] } } };
    const report = juger(avecEchanges(session, session.echanges.filter((e) => e.operation !== 'POST /factures').concat([refusee])), { only: ['client-facture-rejetee-corrigee'] });
    expect(item(report, 'factures-echeance-ouverte-facturee')).toMatchObject({ outcome: 'fail', reason: expect.stringMatching(/^La facture envoyée a été refusée \(#\d+ 400 FACTURE_REJETEE\) et aucun envoi valide n’a été accepté$/) });
  });

  it('leaves read and resend items not exercised until the session shows them', () => {
    const session = sessionValide();
    // Without the reads of #5 and #6, the deposited dossier's state and échéancier were never seen; without #9, no corrected resend.
    const report = juger(avecEchanges(session, session.echanges.filter((e) => ![5, 6, 9].includes(e.seq))), { only: ['client-facture-rejetee-corrigee'] });
    expect(item(report, 'contrats-etat-lu')).toMatchObject({
      outcome: 'not-exercised',
      reason: 'l’état du dossier CFA-2025-000123 n’a pas encore été lu : lisez-le après son dépôt (GET /dossiers?numeroInterne=CFA-2025-000123, /dossiers/etats ou /dossiers/liste)',
    });
    expect(item(report, 'contrats-echeancier-lu')?.outcome).toBe('not-exercised');
    expect(item(report, 'factures-renvoi-corrige')?.outcome).toBe('not-exercised');
    // What to fix and how to resend: the refusal's code and field, the invoice number to keep.
    expect(item(report, 'factures-renvoi-corrige')?.reason).toMatch(
      /^aucune facture rejetée n’a encore été renvoyée corrigée puis acceptée : corrigez ce que le refus #\d+ désigne \(REFERENCE_FACTURE_REFUSEE sur referenceFactureCFA\) et renvoyez la facture \S+ sous le même numeroInterneFacture$/,
    );
    expect(item(report, 'factures-rejet-traite')?.outcome).toBe('pass');
    expect(item(report, 'protocole-retry-after')).toMatchObject({ outcome: 'not-exercised', reason: 'règle client-retry-after-respecte non retenue pour ce jugement' });
  });

  it('reports an empty session: nothing exercised, scenario skipped, exit 1', () => {
    const report = juger({ ...sessionValide(), echanges: [] });
    expect(report.checklist?.every((i) => i.outcome === 'not-exercised')).toBe(true);
    expect(report.scenarios[0]).toMatchObject({ outcome: 'skip', steps: [] });
    expect(report.session?.requests).toBe(0);
    expect(report.exitCode).toBe(1);
    expect(validateSuiteReport(report)).toEqual([]);
  });

  it('a waiver keeps the rule visible as waived, unblocks it, and lets its checklist item pass', () => {
    const session = sessionValide();
    a(session, 5).receivedAtMs = a(session, 4).receivedAtMs + 100;
    const report = juger(session, { waivers: [{ ruleId: 'client-retry-after-respecte', reason: 'Retry-After géré au lot 2' }] });
    const rule = report.rules.find((r) => r.ruleId === 'client-retry-after-respecte')!;
    expect(rule).toMatchObject({ outcome: 'fail', waived: { reason: 'Retry-After géré au lot 2' } });
    expect(report.summary).toMatchObject({ fail: 0, waived: 1, blocking: 0 });
    expect(item(report, 'protocole-retry-after')?.outcome).toBe('pass');
    expect(item(report, 'protocole-retry-after')?.reason).toContain('dérogation');
    expect(report.scenarios[0]?.outcome).toBe('pass');
    expect(report.exitCode).toBe(0);
  });

  it('a waived payload rule no longer spoils the deposit item', () => {
    const session = sessionValide();
    const rule = findRule('nir-cle')!;
    for (const seq of [2, 3]) a(session, seq).body = planter(rule, a(session, seq).body, {});
    const report = juger(session, { waivers: [{ ruleId: 'nir-cle', reason: 'NIR provisoire' }] });
    expect(item(report, 'contrats-depot-valide')?.outcome).toBe('pass');
    expect(report.exitCode).toBe(0);
  });

  it('--only keeps the named rules; an unknown id throws', () => {
    const report = juger(sessionValide(), { only: ['nir-cle', 'client-retry-after-respecte'] });
    expect(report.rules.map((r) => r.ruleId)).toEqual(['nir-cle', 'client-retry-after-respecte']);
    expect(() => juger(sessionValide(), { only: ['pas-une-regle'] })).toThrow(UnknownRuleError);
    expect(() => juger(sessionValide(), { only: ['serveur-erreur-format'] })).toThrow(UnknownRuleError);
  });

  it('is pure: the session it is given is not changed', () => {
    const session = sessionValide();
    const before = JSON.stringify(session);
    juger(session);
    expect(JSON.stringify(session)).toBe(before);
    expect(copieSession(session)).toEqual(session);
  });

  it('builds evidence URLs with the query string and masks appairage values in reports', () => {
    const session = sessionValide();
    const appairage = echange({
      receivedAtMs: T0_MS + 200_000,
      path: '/v2/dossiers/appairage',
      query: { nom: 'Dupontel', prenom: 'Léonie', dateNaissance: '2006-04-17', siretEmployeur: '73282932000074' },
      headers: { logiciel: 'GestApprentis', version: '4.2.0' },
      response: { status: 200, headers: {}, body: [] },
    });
    const report = juger(avecEchanges(session, [...session.echanges, appairage]));
    expect(echoues(report)).toEqual(['client-entetes-editeur-presents']);
    const ev = report.rules.find((r) => r.ruleId === 'client-entetes-editeur-presents')!.evidence[0]!;
    expect(ev.request.url).toBe(`${MOCK}/v2/dossiers/appairage?nom=Dupontel&prenom=L%C3%A9onie&dateNaissance=2006-04-17&siretEmployeur=73282932000074`);
    for (const format of ['json', 'markdown', 'html', 'junit', 'sarif'] as const) {
      const out = suiteReporters[format](report);
      expect(out).not.toContain('Dupontel');
      expect(out).not.toContain('2006-04-17');
      expect(out).not.toContain('L%C3%A9onie');
    }
  });
});

describe('read-only software (capability lectures) and the pause after a 5xx', () => {
  it('certifies the reads of the good session for exactly lectures: one item, plus protocole', () => {
    const report = juger(sessionValide(), { capabilities: ['lectures'] });
    expect(report.checklist?.map((i) => [i.id, i.outcome])).toEqual([
      ['lectures-etat-dossier', 'pass'],
      ['protocole-retry-after', 'pass'],
      ['protocole-erreur-serveur', 'pass'],
    ]);
    expect(item(report, 'lectures-etat-dossier')?.exchanges).toEqual([5]);
    expect(report.session?.capabilities).toEqual(['lectures']);
    expect(report.exitCode).toBe(0);
  });

  it('leaves lectures not exercised until a read shows a dossier, saying what to read', () => {
    const lecture = echange({ path: '/v2/dossiers', query: { numeroInterne: 'X' }, receivedAtMs: T0_MS, response: { status: 404, headers: {}, body: {} } });
    const report = juger(avecEchanges(sessionValide(), [lecture]), { capabilities: ['lectures'] });
    expect(item(report, 'lectures-etat-dossier')).toMatchObject({ outcome: 'not-exercised', reason: expect.stringContaining('#1 404') });
    const vide = juger(avecEchanges(sessionValide(), [echange()]), { capabilities: ['lectures'] });
    expect(item(vide, 'lectures-etat-dossier')?.reason).toContain('GET /dossiers?numeroInterne=');
    expect(vide.exitCode).toBe(1);
  });

  it('a resend 0 ms after the 503 → client-pause-avant-renvoi-apres-5xx only, and the protocole item fails', () => {
    const planted = findRule('client-pause-avant-renvoi-apres-5xx')!.plant!(sessionValide(), {}).payload as SessionCfa;
    const report = juger(planted);
    expect(echoues(report)).toEqual(['client-pause-avant-renvoi-apres-5xx']);
    expect(item(report, 'protocole-erreur-serveur')).toMatchObject({ outcome: 'fail', reason: 'règle client-pause-avant-renvoi-apres-5xx non satisfaite', exchanges: [3] });
    expect(report.exitCode).toBe(1);
    const leve = juger(planted, { waivers: [{ ruleId: 'client-pause-avant-renvoi-apres-5xx', reason: 'accepté' }] });
    expect(item(leve, 'protocole-erreur-serveur')).toMatchObject({ outcome: 'pass', reason: expect.stringContaining('dérogation') });
  });

  it('a batch of other contracts right after the 503 is neither a storm nor a missing pause', () => {
    const session = sessionValide();
    const depot = session.echanges[2]!;
    const autres = ['B', 'C', 'D'].map((n, k) => {
      const body = structuredClone(depot.body) as Record<string, any>;
      body.numeroInterne = `CFA-2025-00012${k}`;
      body.apprenti = { ...body.apprenti, prenom: `Prénom ${n}` };
      return { ...structuredClone(depot), receivedAtMs: session.echanges[1]!.receivedAtMs + 100 * (k + 1), body };
    });
    const batch = avecEchanges(session, [...session.echanges.slice(0, 2), ...autres, ...session.echanges.slice(2)]);
    const report = juger(batch);
    expect(echoues(report).filter((id) => id.startsWith('client-'))).toEqual([]);
  });
});
