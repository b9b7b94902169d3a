// The wire form of generated payloads: a CERFA leaves as the deposit body `{"cerfa": …}`, with the dates its software writes.
//
// The generators and the rules' plants work on the inner CERFA with `YYYY-MM-DD` dates (conformance/model/payloads.ts);
// what `convergence generate` writes and the server suite sends is the body real software sends (wire-format.md §1).
import { enveloppeCerfa } from '../model/depot-cerfa.js';
import type { Adresse, Cerfa, DepotCerfa, PayloadByKind, PayloadKind } from '../model/payloads.js';
import { surTrois } from './parties.js';
import { styleDe, type StyleLogiciel } from './style.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The offset third-party clients write (GSTAG `build_cerfa`: `2026-09-01T00:00:00+00:00`). */
export const HEURE_FIL = 'T00:00:00+00:00';

/**
 * The value with every `YYYY-MM-DD` under a member whose name starts with `date` written as a date-time with an
 * offset. Other members are left alone even when they look like a date; the input is never changed.
 */
export function datesAvecHeure<T>(value: T): T {
  if (Array.isArray(value)) return value.map(datesAvecHeure) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = key.startsWith('date') && typeof item === 'string' && DATE.test(item) ? `${item}${HEURE_FIL}` : datesAvecHeure(item);
  }
  return out as T;
}

/** The deposit body of a CERFA as its software writes it: wrapped, dates as date-times when the style says so. */
export function corpsDepot(cerfa: Cerfa, style: Pick<StyleLogiciel, 'datesHeure'>): DepotCerfa {
  return enveloppeCerfa(style.datesHeure ? datesAvecHeure(cerfa) : cerfa);
}

/**
 * What goes on the wire for record `index` of `seed`: the deposit body for a CERFA (planted or not), the payload
 * itself for the other kinds.
 */
export function surLeFil<K extends PayloadKind>(kind: K, payload: PayloadByKind[K], seed: number, index: number): unknown {
  return kind === 'cerfa' ? corpsDepot(payload as Cerfa, styleDe(seed, index)) : payload;
}

/** An address as the clients seen write it: no département nor country, `adresse2` "" when there is none. */
function adresseLogiciel(adresse: Adresse): Adresse {
  const { departement: _departement, pays: _pays, ...reste } = adresse;
  return { ...reste, adresse2: reste.adresse2 ?? '' };
}

/**
 * A CERFA written the way third-party CfaDock clients write it, whatever its record's own style (GSTAG
 * `build_cerfa`, wire-format.md §1): date-times with an offset, addresses without département and with
 * `adresse2: ""`, `nomUsage: null`, the birth département on three characters, `versionCERFA`,
 * `CERFASignatureProbante`, the RQTH extensions and `lieuFormationIdentique` spelled out, no `privePublic`, and no
 * `numeroInterne` (the OPCO assigns one and answers it). The input is never changed.
 */
export function commeUnLogiciel(cerfa: Cerfa): DepotCerfa {
  const { numeroInterne: _numeroInterne, ...reste } = structuredClone(cerfa);
  const { privePublic: _privePublic, ...employeur } = reste.employeur;
  const apprenti = { ...reste.apprenti };
  apprenti.adresse = adresseLogiciel(apprenti.adresse);
  apprenti.nomUsage = apprenti.nomUsage ?? null;
  apprenti.departementNaissance = surTrois(apprenti.departementNaissance);
  apprenti.droitsRqthExtensionBOE = apprenti.droitsRqthExtensionBOE ?? false;
  apprenti.droitsRqthEquivalenceJeune = apprenti.droitsRqthEquivalenceJeune ?? false;
  if (apprenti.responsableLegal) {
    const { memeAdresse: _memeAdresse, ...responsable } = apprenti.responsableLegal;
    apprenti.responsableLegal = responsable.adresse ? { ...responsable, adresse: adresseLogiciel(responsable.adresse) } : responsable;
  }
  const logiciel: Cerfa = {
    versionCERFA: reste.versionCERFA ?? '10103*14',
    CERFASignatureProbante: reste.CERFASignatureProbante ?? true,
    ...reste,
    employeur: { ...employeur, adresse: adresseLogiciel(employeur.adresse) },
    apprenti,
    organismeFormation: {
      ...reste.organismeFormation,
      adresse: adresseLogiciel(reste.organismeFormation.adresse),
      lieuFormationIdentique: reste.organismeFormation.lieuFormationIdentique ?? reste.organismeFormationLieuFormationPrincipal === undefined,
    },
  };
  if (reste.organismeFormationLieuFormationPrincipal) {
    const lieu = reste.organismeFormationLieuFormationPrincipal;
    logiciel.organismeFormationLieuFormationPrincipal = { ...lieu, adresse: adresseLogiciel(lieu.adresse) };
  }
  return enveloppeCerfa(datesAvecHeure(logiciel));
}
