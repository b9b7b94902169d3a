// One description of every target: a mock profile and its recette file give the same target; a recette's data reach it.
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../conformance/engine/package-root.js';
import { ExitError } from '../io.js';
import { cibleDuTest } from './test-opco-cible.js';

const cwd = packageRoot();

describe('test opco target', () => {
  it('is the same from --profile and from the profile\'s recette file', () => {
    for (const id of ['norme', 'akto', 'atlas', 'opcoep']) {
      const common = { target: 'http://127.0.0.1:1', cfaKey: 'K', clientId: 'c', clientSecret: 's' };
      expect(cibleDuTest({ ...common, recette: `recettes/${id}.yaml` }, cwd, {}).target).toEqual(cibleDuTest({ ...common, profile: id }, cwd, {}).target);
    }
  });

  it("takes the recette's URL, keys from the environment, reference data, codes, delays and engaged dossiers", () => {
    const { target } = cibleDuTest({ recette: 'recettes/exemple.yaml' }, cwd, { RECETTE_CLE_CFA: 'cle-1', RECETTE_CLE_CFA_2: 'cle-2' });
    expect(target).toMatchObject({
      url: 'https://recette.opco-exemple.fr/ApiEchangeCFA',
      cfaKey: 'cle-1',
      cfaKey2: 'cle-2',
      particularites: { depotStatus: 200 },
      delais: { instruction: 'P2D', paiement: 'P10D' },
      recette: {
        organisme: { siret: '51205716700094', uai: '0446892C' },
        referentiels: { certificationInactive: 'RNCP24440', idcc: ['1486', '3248'] },
        corpsMaxOctets: 10485760,
        codesVersLaNorme: { ERR_FACT_IBAN: 'IBAN_ABSENT', ERR_FACT_FRAIS: 'FRAIS_ANNEXES_DEPASSEMENT' },
        dossiersEngages: ['REC-2026-0001', 'REC-2026-0002', 'REC-2026-0003'],
      },
    });
    // The command line overrides the file.
    expect(cibleDuTest({ recette: 'recettes/exemple.yaml', target: 'http://localhost:4010', cfaKey: 'K' }, cwd, { RECETTE_CLE_CFA_2: 'x' }).target.url).toBe('http://localhost:4010');
  });

  it('says in one line what the operator must fix', () => {
    const fails = (options: Parameters<typeof cibleDuTest>[0], env: NodeJS.ProcessEnv = {}): string => {
      try {
        cibleDuTest(options, cwd, env);
      } catch (error) {
        expect(error).toBeInstanceOf(ExitError);
        return (error as Error).message;
      }
      throw new Error('no error');
    };
    expect(fails({ recette: 'recettes/exemple.yaml' })).toMatch(/cfas\[0\]\.cle: the environment variable RECETTE_CLE_CFA is not set/);
    expect(fails({ recette: 'recettes/exemple.yaml', profile: 'akto' })).toMatch(/--profile and --recette: give one/);
    expect(fails({ recette: 'recettes/absente.yaml' })).toMatch(/--recette recettes\/absente\.yaml: cannot read: ENOENT/);
    expect(fails({ recette: 'recettes/norme.yaml', cfaKey: 'K' })).toMatch(/--target is required/);
    expect(fails({ profile: 'akto', target: 'http://x', cfaKey: 'K' })).toMatch(/AKTO requires an OAuth2 token/);
  });
});
