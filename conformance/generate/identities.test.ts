// SIRENs by sector: private bodies outside INSEE's public range (first digit 1 or 2), public ones inside it.
import { describe, expect, it } from 'vitest';
import { isValidSiret } from '../identifiers/index.js';
import { generateCerfa } from './index.js';
import { secteurDuType, siret } from './identities.js';
import { reseed } from './random.js';

const premier = (s: string): number => Number(s[0]);

describe('siret by sector', () => {
  it('draws private SIRENs from 3 to 9 and public ones from 1 to 2, all valid', () => {
    reseed(7, 0, 0);
    for (let i = 0; i < 2000; i++) {
      const prive = siret();
      const public_ = siret('public');
      expect(isValidSiret(prive) && isValidSiret(public_)).toBe(true);
      expect(premier(prive)).toBeGreaterThanOrEqual(3);
      expect(premier(public_)).toBeLessThanOrEqual(2);
    }
  });

  it('reads the sector from the employer type: 21–30 public, 11–16 private', () => {
    expect([11, 12, 16].map(secteurDuType)).toEqual(['prive', 'prive', 'prive']);
    expect([21, 29, 30].map(secteurDuType)).toEqual(['public', 'public', 'public']);
  });

  it('gives generated employers a SIREN of their sector, and lycées used as training sites a public one', () => {
    let lycees = 0;
    for (let i = 0; i < 600; i++) {
      const c = generateCerfa(20_251_123, i);
      expect(premier(c.employeur.siret) <= 2, `${c.employeur.typeEmployeur} ${c.employeur.siret}`).toBe(secteurDuType(c.employeur.typeEmployeur) === 'public');
      const site = c.organismeFormationLieuFormationPrincipal;
      if (site?.denomination.startsWith('Lycée')) {
        lycees++;
        expect(premier(site.siret)).toBeLessThanOrEqual(2);
      } else if (site) expect(premier(site.siret)).toBeGreaterThanOrEqual(3);
    }
    expect(lycees).toBeGreaterThan(0);
  });
});
