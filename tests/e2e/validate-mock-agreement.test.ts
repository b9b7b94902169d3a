// `validate` agrees with the mock: every CERFA or invoice the mock refuses with 400 gets a blocking finding from `validate` (issue 13 §4).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main.js';
import { captureIO } from '../../cli/testing.js';
import { catalogue } from '../../conformance/rules/index.js';
import { generateInvalidRecord, generateRecord, ruleAppliesTo, surLeFil } from '../../conformance/generate/index.js';
import { bundledReferentiel, rncpInactifs } from '../../mocks/engine/referentiel.js';
import { DEMO } from '../../mocks/tenants.js';
import { START, startTestMock } from '../../mocks/testdata/harness.js';
import { factureValide } from '../../conformance/rules/fixtures/facture-valide.js';

const dir = mkdtempSync(join(tmpdir(), 'convergence-agreement-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SEED = 4242;


/** `convergence validate` on the records with the mock's context; the blocking rule ids found per record (1-based line). */
async function validateAll(records: unknown[]): Promise<Map<number, string[]>> {
  writeFileSync(join(dir, 'records.ndjson'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const context = { today: START.slice(0, 10), rncpInactifs: rncpInactifs(bundledReferentiel()), siretCfa: DEMO.siret };
  writeFileSync(join(dir, 'context.json'), JSON.stringify(context));
  const io = captureIO(dir);
  await main(['node', 'convergence', 'validate', 'records.ndjson', '--context', 'context.json', '--format', 'json', '--max-findings', '100000'], io);
  const report = JSON.parse(io.out()) as { rules: { id: string; severity: string; findings: { record: { line: number } }[] }[] };
  const found = new Map<number, string[]>();
  for (const rule of report.rules) {
    if (rule.severity !== 'bloquant') continue;
    for (const f of rule.findings) found.set(f.record.line, [...(found.get(f.record.line) ?? []), rule.id]);
  }
  return found;
}

/** Bodies a CFA might send that break the spec's schema in the ways real mistakes do. */
function schemaBreakers(body: any): unknown[] {
  const c = () => structuredClone(body);
  const out: unknown[] = [];
  let b = c();
  delete b.cerfa.apprenti.nir;
  out.push(b);
  b = c();
  b.cerfa.contrat.dateDebutContrat = '01/09/2026';
  out.push(b);
  b = c();
  b.cerfa.employeur.typeEmployeur = '12';
  out.push(b);
  b = c();
  b.cerfa.apprenti.sexe = 'X';
  out.push(b);
  b = c();
  delete b.cerfa.formation;
  out.push(b);
  b = c();
  b.cerfa.organismeFormation.uaiCfa = '123';
  out.push(b);
  return out;
}

describe('validate agrees with the mock on what it refuses', () => {
  it('every CERFA the mock answers 400 gets a blocking finding from validate', async () => {
    const bodies: unknown[] = [];
    for (let i = 0; i < 12; i++) {
      const record = generateRecord('cerfa', SEED, i);
      bodies.push(surLeFil('cerfa', record.payload, SEED, i));
    }
    bodies.push(...schemaBreakers(bodies[0]));
    const rules = catalogue.filter((r) => ruleAppliesTo(r, 'cerfa') && r.severity === 'bloquant' && r.area !== 'schema');
    rules.forEach((rule, i) => {
      const planted = generateInvalidRecord(rule, 'cerfa', SEED, 100 + i);
      bodies.push(surLeFil('cerfa', planted.payload, SEED, 100 + i));
    });
    // A distinct number per body, so no 409 hides a verdict.
    bodies.forEach((body: any, i) => {
      if (body?.cerfa) body.cerfa.numeroInterne = `ACCORD-${i}`;
    });

    const mock = await startTestMock();
    const refused: number[] = [];
    try {
      for (let i = 0; i < bodies.length; i++) {
        const res = await mock.call('POST', '/v2/dossiers', bodies[i]);
        expect(res.statusCode, res.body).toBeLessThan(500);
        if (res.statusCode === 400) refused.push(i + 1);
      }
    } finally {
      await mock.close();
    }
    const found = await validateAll(bodies);
    // The test means something only if the mock refused a good share of them.
    expect(refused.length).toBeGreaterThan(20);
    const missed = refused.filter((line) => (found.get(line) ?? []).length === 0);
    expect(missed, `refused by the mock, clean for validate: lines ${missed.join(', ')}`).toEqual([]);
  });

  it('every invoice the mock refuses for its schema gets a finding from validate', async () => {
    const { numeroInterneFacture: _n, ...sansNumero } = factureValide();
    const invoices = [sansNumero, { ...factureValide(), dateFacture: '16/01/2026' }, { ...factureValide(), lignes: [] }, { ...factureValide(), montantTotal: 'cent' }];
    const mock = await startTestMock();
    try {
      for (const invoice of invoices) expect((await mock.call('POST', '/v2/factures', invoice)).statusCode).toBe(400);
    } finally {
      await mock.close();
    }
    const found = await validateAll(invoices);
    expect(invoices.map((_, i) => found.get(i + 1)?.includes('schema-conforme-spec') ?? false)).toEqual(invoices.map(() => true));
  });
});
