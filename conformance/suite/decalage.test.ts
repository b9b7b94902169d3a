// A contract moved to a real server's today stays valid: NIR, pay on the SMIC then in force, hiring salary.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine/evaluate.js';
import { generateRecord } from '../generate/index.js';
import { smicEnVigueur, smicTable } from '../remuneration/smic.js';
import { cerfaDecale, salairesAuSmicEnVigueur, shiftYears } from './decalage.js';

const DATES = ['eligibilite-remuneration-minimale', 'coherence-salaire-embauche', 'nir-coherence-date-naissance'];

describe('a generated contract moved by whole years', () => {
  it('keeps the rules that read its dates passing, whatever the years the SMIC rose', () => {
    let moved = 0;
    for (let i = 0; i < 60; i++) {
      const record = generateRecord('cerfa', 4242, i);
      const years = 2027 - Number(record.payload.contrat.dateDebutContrat.slice(0, 4));
      if (years <= 0) continue;
      moved++;
      const shifted = cerfaDecale(record.payload, years);
      const today = shiftYears(record.context.today ?? '2026-01-01', years);
      const failing = evaluate(shifted, 'cerfa', { ...record.context, today }).filter((e) => DATES.includes(e.ruleId) && e.result.outcome === 'fail');
      expect(failing.map((e) => `${i}: ${e.ruleId}`)).toEqual([]);
    }
    expect(moved).toBeGreaterThan(20);
  });

  it('pays on the SMIC in force at the new start, not the one of the generated dates', () => {
    const record = generateRecord('cerfa', 4242, 3);
    const avant = record.payload;
    const apres = shiftYears(avant, 2030 - Number(avant.contrat.dateDebutContrat.slice(0, 4)));
    // A raised SMIC in a table of our own would be needed to see a change after 2026: compare 2024 → 2026 instead.
    const de2024 = shiftYears(avant, 2024 - Number(avant.contrat.dateDebutContrat.slice(0, 4)));
    const vers2026 = salairesAuSmicEnVigueur(de2024, shiftYears(de2024, 2));
    const smic2026 = smicEnVigueur(smicTable(), vers2026.contrat.dateDebutContrat)!.mensuel;
    const ligne = vers2026.contrat.remunerationsAnnuelles!.find((l) => l.typeSalaire === 'SMIC' && typeof l.salaireBrut === 'number');
    if (ligne) expect(ligne.salaireBrut).toBeGreaterThanOrEqual(Math.floor(smic2026 * ligne.taux) / 100);
    expect(vers2026.contrat.salaireEmbauche ?? vers2026.contrat.remunerationsAnnuelles![0]!.salaireBrut).toBe(vers2026.contrat.remunerationsAnnuelles![0]!.salaireBrut);
    // Without a rise (2026 → 2030 on the table's last entry) the pay is left as generated.
    expect(salairesAuSmicEnVigueur(avant, apres).contrat).toEqual(apres.contrat);
  });
});
