// `validate` judges each payload with the spec's request schema, as the mock does before its rules (issue 13 §4).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main.js';
import { captureIO } from '../testing.js';
import { factureValide } from '../../conformance/rules/fixtures/facture-valide.js';
import { schemaJudge } from './validate-schema.js';

const dir = mkdtempSync(join(tmpdir(), 'convergence-validate-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


async function validateJson(name: string, records: unknown[]): Promise<{ code: number; report: any; stderr: string }> {
  writeFileSync(join(dir, name), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const io = captureIO(dir);
  const code = await main(['node', 'convergence', 'validate', name, '--format', 'json', '--only', 'schema-conforme-spec', '--max-findings', '50'], io);
  return { code, report: io.out() === '' ? undefined : JSON.parse(io.out()), stderr: io.err() };
}

describe('validate applies the spec request schemas', () => {
  it('reports the invoices the mock refuses for their schema, naming the member at fault', async () => {
    const { numeroInterneFacture: _n, ...sansNumero } = factureValide();
    const dateFrancaise = { ...factureValide(), dateFacture: '16/01/2026' };
    const sansLignes = { ...factureValide(), lignes: [] };
    const { code, report } = await validateJson('factures.ndjson', [factureValide(), sansNumero, dateFrancaise, sansLignes]);
    expect((await validateJson('f2.ndjson', [sansNumero])).stderr).toBe('');
    expect(code).toBe(1);
    const rule = report.rules.find((r: { id: string }) => r.id === 'schema-conforme-spec');
    expect(rule.counts).toMatchObject({ pass: 1, fail: 3 });
    const paths = rule.findings.flatMap((f: { violations: { path: string }[]; record: { line: number } }) => f.violations.map((v) => `${f.record.line}:${v.path}`));
    expect(paths).toEqual(expect.arrayContaining(['2:numeroInterneFacture', '3:dateFacture', '4:lignes']));
  });

  it('judges a CERFA as the wire body, wrapped or bare, with date-times and unknown members accepted', async () => {
    const judge = await schemaJudge();
    const cerfa = {
      employeur: { siret: 'x' },
      apprenti: {},
      maitre1: {},
      organismeFormation: {},
      formation: {},
      contrat: {},
    };
    const wrapped = judge({ cerfa }, 'cerfa')!;
    const bare = judge(cerfa, 'cerfa')!;
    // Relative to the CERFA in both cases: the evaluator adds `cerfa.` for wrapped bodies, as for every rule.
    expect(wrapped.map((e) => e.champ)).toEqual(bare.map((e) => e.champ));
    expect(bare.map((e) => e.champ)).toEqual(expect.arrayContaining(['employeur.siret', 'apprenti.nir']));
    expect(judge({ cerfa: { ...cerfa, champInconnu: 1 } }, 'cerfa')!.some((e) => e.champ === 'champInconnu')).toBe(false);
  });
});
