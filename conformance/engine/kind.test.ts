// Kind detection tells the four payloads apart by the fields only each one carries.
import { describe, it, expect } from 'vitest';
import { detectKind } from './kind.js';

describe('detectKind', () => {
  it('recognises each payload', () => {
    expect(detectKind({ apprenti: {}, contrat: {}, numeroInterne: 'X' })).toBe('cerfa');
    // The deposit body as the wire carries it.
    expect(detectKind({ cerfa: { apprenti: {}, contrat: {} } })).toBe('cerfa');
    expect(detectKind({ numeroInterneFacture: 'F', lignes: [] })).toBe('facture');
    expect(detectKind({ dateFacture: '16/01/2026', montantTotal: 10, lignes: [] })).toBe('facture');
    expect(detectKind({ couts: {}, apprenti: {}, contrat: {} })).toBe('convention');
    expect(detectKind({ typeCertificat: 'Final', apprenti: {} })).toBe('certificat');
  });

  it('answers undefined for anything else', () => {
    for (const value of [null, 3, 'cerfa', [], {}, { lignes: [] }, { apprenti: {} }, { cerfa: null }, { cerfa: [] }]) expect(detectKind(value)).toBeUndefined();
  });
});
