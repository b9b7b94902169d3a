// The bundled OPCO profiles carry the research's capability matrix and quirks (norme.md §1.1, §1.2, §1.6).
import { describe, expect, it } from 'vitest';
import { bundledProfiles, DEFAULT_OPCO, OPCO_IDS, withOverrides } from './profiles.js';

const profiles = bundledProfiles();
const p = (id: string) => profiles.get(id)!;

describe('bundled profiles', () => {
  it('has the 11 OPCOs and the reference profile', () => {
    expect([...profiles.keys()].sort()).toEqual([...OPCO_IDS, DEFAULT_OPCO].sort());
  });

  it('serves v2 and the invoice states only at AKTO, Atlas, L’Opcommerce, OCAPIAT and Mobilités', () => {
    const v2 = OPCO_IDS.filter((id) => p(id).versions.includes('v2'));
    expect(v2.sort()).toEqual(['akto', 'atlas', 'mobilites', 'ocapiat', 'opcommerce']);
    expect(OPCO_IDS.filter((id) => p(id).capabilities.includes('facturesEtats')).sort()).toEqual(v2.sort());
  });

  it('offers certificats at AFDAS only, conventions everywhere but OPCO Santé, factures everywhere but Uniformation', () => {
    expect(OPCO_IDS.filter((id) => p(id).capabilities.includes('certificats'))).toEqual(['afdas']);
    expect(OPCO_IDS.filter((id) => !p(id).capabilities.includes('conventions'))).toEqual(['sante']);
    expect(OPCO_IDS.filter((id) => !p(id).capabilities.includes('factures'))).toEqual(['uniformation']);
  });

  it('carries the quirks: OAuth2 at AKTO, 400 for an unknown dossier at OPCO EP, RUPTU at AKTO', () => {
    expect(OPCO_IDS.filter((id) => p(id).oauth2Required)).toEqual(['akto']);
    expect(OPCO_IDS.filter((id) => p(id).unknownNumeroInterneStatus === 400)).toEqual(['opcoep']);
    expect(p('akto').etatRupture).toBe('RUPTU');
    expect(p(DEFAULT_OPCO)).toMatchObject({ versions: ['v1', 'v2'], oauth2Required: false, unknownNumeroInterneStatus: 404, etatRupture: 'RUPTURE' });
  });

  it('applies config overrides on top, and creates an OPCO from the reference profile', () => {
    const changed = withOverrides(profiles, { atlas: { oauth2Required: true }, interne: { nom: 'OPCO interne' } });
    expect(changed.get('atlas')?.oauth2Required).toBe(true);
    expect(changed.get('atlas')?.versions).toEqual(['v1', 'v2']);
    expect(changed.get('interne')).toMatchObject({ id: 'interne', nom: 'OPCO interne', versions: ['v1', 'v2'] });
    expect(profiles.get('atlas')?.oauth2Required).toBe(false);
  });
});
