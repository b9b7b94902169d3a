// Every path a CERFA rule reports is a member of the wire format the spec knows (MEMBRES_CERFA), relative to the inner cerfa.
import { describe, it, expect } from 'vitest';
import { MEMBRES_CERFA, type Membre, type MembresConnus } from '../model/membres-cerfa.js';
import { catalogue } from './index.js';
import { cerfaValide } from './fixtures/cerfa-valide.js';
import { cerfaCoherent } from './fixtures/cerfa-coherent.js';
import { variantesValides } from './testing/variants.js';
import type { RuleContext } from './rule.js';

/** Whether `path` (`contrat.remunerationsAnnuelles[1].dateFin`, `maitre1`) names a member of the tree. */
function connu(path: string): boolean {
  let noeud: Membre = MEMBRES_CERFA;
  for (const segment of path.split('.')) {
    const cle = segment.replace(/\[\d+\]$/, '');
    if (noeud === true) return false;
    const arbre: MembresConnus = Array.isArray(noeud) ? noeud[0] : noeud;
    if (!Object.hasOwn(arbre, cle)) return false;
    noeud = arbre[cle]!;
    if (segment !== cle && Array.isArray(noeud)) noeud = noeud[0];
  }
  return true;
}

const contexte: RuleContext = { today: '2025-08-25', rncpInactifs: [], dossiers: [] };
const regles = catalogue.filter((r) => r.appliesTo.includes('cerfa') && r.id !== 'cerfa-membre-non-prevu');

describe('paths of the CERFA rules', () => {
  it('the helper knows members, list items and nothing else', () => {
    expect(connu('contrat.remunerationsAnnuelles[1].dateFin')).toBe(true);
    expect(connu('organismeFormationLieuFormationPrincipal.adresse.adresse1')).toBe(true);
    expect(connu('apprenti.adresse.voie')).toBe(false);
    expect(connu('signatures.lieu')).toBe(false);
  });

  it('every violation of every plant, on the fixtures and the variants, names a known member', () => {
    const payloads = [cerfaValide(), cerfaCoherent(), ...Object.values(variantesValides())];
    const inconnus = new Set<string>();
    for (const valid of payloads) {
      for (const rule of regles) {
        const { payload, context } = rule.plant(valid, contexte);
        const result = rule.check(payload, context ?? contexte);
        if (result.outcome !== 'fail') continue;
        for (const v of result.violations) if (!connu(v.path)) inconnus.add(`${rule.id} → ${v.path}`);
      }
    }
    expect([...inconnus]).toEqual([]);
  });
});
