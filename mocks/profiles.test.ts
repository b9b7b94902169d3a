// The bundled OPCO profiles carry the research's capability matrix and quirks (norme.md §1.1, §1.2, §1.6).
import { describe, expect, it } from 'vitest';
import { bundledParticularites, bundledProfiles, DEFAULT_OPCO, ecartsALaNorme, OPCO_IDS, PARTICULARITES, PARTICULARITES_NORME, withOverrides } from './profiles.js';

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

  it('documents every wire quirk with its source, the norm being each default', () => {
    const doc = bundledParticularites();
    expect(Object.keys(doc).sort()).toEqual([...PARTICULARITES].sort());
    for (const name of PARTICULARITES) {
      expect(doc[name].source, name).toMatch(/wire-format\.md §[12]/);
      expect(doc[name].valeurs[0], name).toBe(PARTICULARITES_NORME[name]);
    }
    expect(ecartsALaNorme(p(DEFAULT_OPCO))).toEqual({});
  });

  it('says why each profile departs from the norm on a quirk, and only departs with a source', () => {
    const doc = bundledParticularites();
    for (const id of OPCO_IDS) {
      for (const [name, value] of Object.entries(ecartsALaNorme(p(id)))) {
        expect(p(id).sources?.[name as keyof typeof PARTICULARITES_NORME], `${id}.${name}`).toBeTruthy();
        expect(doc[name as keyof typeof doc].valeurs, `${id}.${name}`).toContain(value);
      }
    }
    expect(ecartsALaNorme(p('akto'))).toEqual({ formeDates: 'date-time' });
    expect(ecartsALaNorme(p('atlas'))).toEqual({ erreurDescriptionRacine: 'description' });
    expect(ecartsALaNorme(p('opcoep'))).toEqual({ erreurDescriptionRacine: 'comment' });
    const sans = OPCO_IDS.filter((id) => !['akto', 'atlas', 'opcoep'].includes(id));
    for (const id of sans) expect(ecartsALaNorme(p(id)), id).toEqual({});
  });

  it('lets a tenant config set any quirk on any OPCO', () => {
    const changed = withOverrides(profiles, { mobilites: { depotStatus: 200, naturesFraisCasse: 'mots', pageEtatsEnveloppeTableau: true, employeurV2: true } });
    expect(ecartsALaNorme(changed.get('mobilites')!)).toEqual({ depotStatus: 200, naturesFraisCasse: 'mots', pageEtatsEnveloppeTableau: true, employeurV2: true });
  });
});
