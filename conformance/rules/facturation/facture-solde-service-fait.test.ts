// Tests of facture-solde-service-fait: the balance of a year (contracts from 2025-07-01) needs a certificat de réalisation.
import { describe, it, expect } from 'vitest';
import rule from './facture-solde-service-fait.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation, dossierEngage } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';
import type { RuleContext } from '../rule.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['lignes[0].numeroEcheance'], contexteRequis: true });

/** The planted invoice of E4 (the first year's 10 % balance) and its context, nothing attested. */
function soldeSansCertificat() {
  return rule.plant(factureValide(), contexteFacturation()) as { payload: ReturnType<typeof factureValide>; context: RuleContext };
}

describe('facture-solde-service-fait', () => {
  it('treats E4 and E8, the 10 % shares opened at the end of each contract year, as the balances', () => {
    const { payload } = soldeSansCertificat();
    expect(payload.lignes[0]!.numeroEcheance).toBe(4);
    expect(payload.lignes[0]!.montantEcheance).toBe(800);
  });

  it('accepts the balance once a certificat for its period was received, or a final certificat reaching its end', () => {
    const { payload, context } = soldeSansCertificat();
    const certificat = { ...factureValide().certificatRealisation!, echeance: { numero: 4 } };
    expect(rule.check(payload, { ...context, certificatsRecus: [certificat] }).outcome).toBe('pass');
    const final = { ...certificat, typeCertificat: 'Final' as const, echeance: { numero: 8, dateFin: '2027-08-31' } };
    expect(rule.check(payload, { ...context, certificatsRecus: [final] }).outcome).toBe('pass');
    const autreDossier = { ...certificat, numeroInterneDossier: 'AUTRE' };
    expect(rule.check(payload, { ...context, certificatsRecus: [autreDossier] }).outcome).toBe('fail');
    const intermediaireE1 = { ...certificat, echeance: { numero: 1 } };
    expect(rule.check(payload, { ...context, certificatsRecus: [intermediaireE1] }).outcome).toBe('fail');
  });

  it('gives its French message and code', () => {
    const { payload, context } = soldeSansCertificat();
    const result = rule.check(payload, context);
    expect(rule.code).toBe('SOLDE_SANS_SERVICE_FAIT');
    expect(result.outcome === 'fail' && result.violations[0]!.message).toMatch(/n’est facturable qu’après le service fait/);
  });

  it('skips a balance without embedded certificat when the certificats received are unknown', () => {
    const { payload, context } = soldeSansCertificat();
    const { certificatsRecus: _c, ...sansListe } = context;
    expect(rule.check(payload, sansListe)).toMatchObject({ outcome: 'skip', reason: expect.stringMatching(/contexte requis/) });
  });

  it('asks nothing of a contract concluded before 2025-07-01, nor of the avances', () => {
    const { payload, context } = soldeSansCertificat();
    const ancien = structuredClone(context);
    ancien.dossiers![0]!.cerfa.contrat.dateConclusion = '2025-06-30';
    expect(rule.check(payload, ancien).outcome).toBe('pass');
    expect(rule.check(factureValide(), { ...contexteFacturation(), certificatsRecus: [] }).outcome).toBe('pass');
  });

  it('finds the balance by number when the read model gives no periods', () => {
    const { payload, context } = soldeSansCertificat();
    const sansPeriodes = structuredClone(context);
    for (const e of sansPeriodes.dossiers![0]!.echeances) e.dateDebut = null;
    expect(rule.check(payload, sansPeriodes).outcome).toBe('fail');
    expect(dossierEngage().echeances.map((e) => e.numero)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
