// `test opco`'s target, from one description whatever its origin (issue 18 §1): a recette file (--recette), or a mock
// profile read as a recette (--profile); the command line's --target, keys and --quirk complete or override it.
import { resolve } from 'node:path';
import type { OAuth2Client, Target } from '../../conformance/suite/index.js';
import type { ParticularitesCible } from '../../conformance/suite/particularites.js';
import { cleDe, codesVersLaNorme, loadRecette, recetteDuProfil, RecetteError, type Recette } from '../../conformance/suite/recette.js';
import { bundledProfiles, DEFAULT_OPCO, ecartsALaNorme, type OpcoProfile } from '../../mocks/profiles.js';
import { ExitError } from '../io.js';

export interface CibleOptions {
  target?: string;
  cfaKey?: string;
  cfaKey2?: string;
  profile?: string;
  recette?: string;
  quirk?: string[];
  clientId?: string;
  clientSecret?: string;
  tokenUrl?: string;
  scope?: string;
}

export interface CibleDuTest {
  /** The target without the run's admin credentials and editor headers (the caller adds them). */
  target: Omit<Target, 'editor'>;
  recette: Recette;
  profile: OpcoProfile;
  url: URL;
}

/** Each quirk the suite accepts and the values it takes, the norm's first (mocks/profiles.yaml, and `etatRupture`). */
export const QUIRKS: { [K in keyof ParticularitesCible]-?: readonly NonNullable<ParticularitesCible[K]>[] } = {
  depotStatus: [201, 200],
  erreurDescriptionRacine: ['none', 'description', 'comment'],
  employeurV2: [false, true],
  pageEtatsEnveloppeTableau: [false, true],
  naturesFraisCasse: ['codes', 'mots'],
  formeDates: ['date', 'date-time'],
  etatRupture: ['RUPTURE', 'RUPTU'],
};

/**
 * The quirks the run accepts: the profile's (mocks/profiles.yaml), the recette's, then each `--quirk name=value`.
 * Only where they depart from the norm: the suite judges everything else strictly.
 */
export function particularitesDeLaCible(profile: OpcoProfile, quirks: string[] = [], recette: ParticularitesCible = {}): ParticularitesCible {
  const choisies: Record<string, unknown> = { ...ecartsALaNorme(profile), ...(profile.etatRupture !== 'RUPTURE' ? { etatRupture: profile.etatRupture } : {}), ...recette };
  for (const raw of quirks.flatMap((q) => q.split(',')).map((q) => q.trim()).filter(Boolean)) {
    const [name = '', ...rest] = raw.split('=');
    const text = rest.join('=').trim();
    const allowed = Object.hasOwn(QUIRKS, name) ? (QUIRKS[name as keyof typeof QUIRKS] as readonly unknown[]) : undefined;
    if (!allowed) throw new ExitError(`--quirk: unknown quirk '${name}' (known: ${Object.keys(QUIRKS).join(', ')})`);
    const value = allowed.find((v) => String(v) === text);
    if (value === undefined) throw new ExitError(`--quirk ${name}: '${text}' is not one of ${allowed.join(', ')}`);
    choisies[name] = value;
  }
  for (const [name, value] of Object.entries(choisies)) if (value === (QUIRKS[name as keyof typeof QUIRKS] as readonly unknown[])[0]) delete choisies[name];
  return choisies as ParticularitesCible;
}

/** The OAuth2 client of the run: required by the recette, or asked for with --client-id; the secret may come from the environment. */
function oauth2Client(options: CibleOptions, url: URL, recette: Recette, env: NodeJS.ProcessEnv): OAuth2Client | undefined {
  const clientSecret = options.clientSecret ?? env.CONVERGENCE_CLIENT_SECRET;
  if (!options.clientId) {
    if (recette.oauth2?.requis) {
      throw new ExitError(`${recette.profil ? `--profile ${recette.profil}` : '--recette'}: ${recette.opco} requires an OAuth2 token; pass --client-id and the secret (--client-secret or CONVERGENCE_CLIENT_SECRET)`);
    }
    if (options.clientSecret || options.tokenUrl) throw new ExitError('--client-secret and --token-url need --client-id');
    return undefined;
  }
  if (!clientSecret) throw new ExitError('--client-id needs a secret: --client-secret or the CONVERGENCE_CLIENT_SECRET environment variable');
  let tokenUrl: string;
  try {
    tokenUrl = new URL(options.tokenUrl ?? recette.oauth2?.tokenUrl ?? `${url.toString().replace(/\/+$/, '')}/oauth/token`).toString();
  } catch {
    throw new ExitError(`--token-url: not a URL: '${options.tokenUrl}'`);
  }
  const scope = options.scope ?? recette.oauth2?.scope;
  return { tokenUrl, clientId: options.clientId, clientSecret, ...(scope ? { scope } : {}) };
}

function laRecette(options: CibleOptions, cwd: string): Recette {
  if (options.recette === undefined) {
    const id = options.profile ?? DEFAULT_OPCO;
    const profile = bundledProfiles().get(id);
    if (!profile) throw new ExitError(`--profile: unknown OPCO '${id}' (known: ${[...bundledProfiles().keys()].join(', ')})`);
    return recetteDuProfil(profile);
  }
  if (options.profile !== undefined) throw new ExitError('--profile and --recette: give one (a recette names its base profile with `profil:`)');
  try {
    return loadRecette(resolve(cwd, options.recette), options.recette);
  } catch (error) {
    if (error instanceof RecetteError) throw new ExitError(`--recette ${error.message}`);
    throw error;
  }
}

/** The target of `test opco` from its options; exit 2 with one line for anything the operator must fix. */
export function cibleDuTest(options: CibleOptions, cwd: string, env: NodeJS.ProcessEnv): CibleDuTest {
  const recette = laRecette(options, cwd);
  const profile = bundledProfiles().get(recette.profil ?? DEFAULT_OPCO);
  if (!profile) throw new ExitError(`--recette ${options.recette}: profil: unknown OPCO '${recette.profil}' (known: ${[...bundledProfiles().keys()].join(', ')})`);
  const raw = options.target ?? recette.cible;
  if (raw === undefined) throw new ExitError('--target is required (or `cible:` in the recette file)');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ExitError(`--target: not a URL: '${raw}'`);
  }
  const cle = (i: number, flag: string | undefined): string | undefined => {
    try {
      return flag ?? cleDe(recette.cfas?.[i]?.cle, env, `--recette ${options.recette}: cfas[${i}].cle`);
    } catch (error) {
      if (error instanceof RecetteError) throw new ExitError(error.message);
      throw error;
    }
  };
  const cfaKey = cle(0, options.cfaKey);
  if (cfaKey === undefined) throw new ExitError('--cfa-key is required (or `cfas[0].cle` in the recette file)');
  const cfaKey2 = cle(1, options.cfaKey2);
  const oauth2 = oauth2Client(options, url, recette, env);
  const premier = recette.cfas?.[0];
  const codes = codesVersLaNorme(recette.codes);
  const target: Omit<Target, 'editor'> = {
    url: url.toString().replace(/\/+$/, ''),
    cfaKey,
    ...(cfaKey2 ? { cfaKey2 } : {}),
    capacites: recette.capacites ?? [...profile.capabilities, ...profile.versions],
    statutInconnu: recette.statutNumeroInterneInconnu ?? profile.unknownNumeroInterneStatus,
    ...(oauth2 ? { oauth2 } : {}),
    particularites: particularitesDeLaCible(profile, options.quirk, recette.particularites),
    ...(recette.delais ? { delais: recette.delais } : {}),
    recette: {
      ...(premier?.siret || premier?.uai ? { organisme: { ...(premier.siret ? { siret: premier.siret } : {}), ...(premier.uai ? { uai: premier.uai } : {}) } } : {}),
      ...(recette.referentiels ? { referentiels: recette.referentiels } : {}),
      ...(recette.limites?.corpsMaxOctets !== undefined ? { corpsMaxOctets: recette.limites.corpsMaxOctets } : {}),
      ...(codes.size > 0 ? { codesVersLaNorme: Object.fromEntries(codes) } : {}),
      ...(premier?.dossiersEngages?.length ? { dossiersEngages: premier.dossiersEngages } : {}),
    },
  };
  return { target, recette, profile, url };
}
