// CfaDock's routing call, served by the mock: GET /api/opcos?siret=…&idcc=… names the OPCO that covers an employer.
//
// Evidence (wire-format.md §2): mission-apprentissage/contrat server/src/common/apis/cfaDock.ts reads `searchStatus`,
// `opcoName`, `opcoSiren`, `idcc`; betagouv/conseillers-entreprises (api_cfadock/get_opco.rb) treats
// `searchStatus == "OK"` as found; mission-apprentissage/labonnealternance (server/src/services/cfadock.service.ts,
// its ICFADock type) parses `idcc` as a number or null, `url` as a string or null, and `filters: {siret, idcc}`.
// Callers pass a SIRET or a SIREN in `siret` (flux-retour-cfas ApiCfaDock). What a search that finds nothing answers
// is shown by no source: `NOT_FOUND` is ours [I]. CfaDock's `url` is the OPCO's address; the mock answers the OPCO's
// API at the mock (`<origin>/<profile id>`), what a client needs next. A public referential: no CFA key. The
// answer comes from the mock's sample référentiel (mocks/data/referentiel.yaml).
import { MockProblem } from './errors.js';
import type { Referentiel } from './engine/referentiel.js';

export type SearchStatus = 'OK' | 'NOT_FOUND';

export interface ResultatCfaDock {
  searchStatus: SearchStatus;
  opcoName: string | null;
  opcoSiren: string | null;
  /** The IDCC the search retained, as a number (CfaDock's type), null when none. */
  idcc: number | null;
  /** The OPCO's API at this mock (`<origin>/<profile id>`), null when no OPCO was found. */
  url: string | null;
  /** What was searched for, as CfaDock echoes it. */
  filters: { siret: string; idcc: number | null };
}

type Query = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

function invalide(champ: string, code: 'CHAMP_OBLIGATOIRE' | 'FORMAT_INVALIDE', description: string): MockProblem {
  return new MockProblem('REQUETE_INVALIDE', description, [{ code, description, champ }]);
}

/** `0843` → 843; undefined when absent. */
function lireIdcc(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\d{1,4}$/.test(raw.trim())) throw invalide('idcc', 'FORMAT_INVALIDE', "Le paramètre idcc doit compter 1 à 4 chiffres");
  return Number(raw.trim());
}

/** The IDCC of a known employer, by SIRET, or by SIREN (the first of its establishments the référentiel knows). */
function idccEmployeur(employeurs: Record<string, string>, siret: string): number | undefined {
  const idcc = siret.length === 14 ? employeurs[siret] : Object.entries(employeurs).find(([known]) => known.startsWith(siret))?.[1];
  return idcc === undefined ? undefined : Number(idcc);
}

/**
 * Answers `GET /api/opcos` from the query and the mock's origin (`http://127.0.0.1:4010`): 200 with the search's
 * result, found or not. A missing or malformed `siret` (or `idcc`) throws a MockProblem (400, naming the parameter)
 * that the app answers as `application/problem+json`.
 */
export function trouverOpco(query: Query, origin: string, referentiel: Pick<Referentiel, 'cfaDock'>): { status: 200; body: ResultatCfaDock } {
  const siret = first(query.siret)?.trim() ?? '';
  if (siret === '') throw invalide('siret', 'CHAMP_OBLIGATOIRE', 'Le paramètre siret est obligatoire');
  if (!/^(\d{9}|\d{14})$/.test(siret)) throw invalide('siret', 'FORMAT_INVALIDE', 'Le paramètre siret doit compter 14 chiffres (ou les 9 du SIREN)');
  const demande = lireIdcc(first(query.idcc));
  const data = referentiel.cfaDock;
  const idcc = demande ?? (data ? idccEmployeur(data.employeurs, siret) : undefined);
  const opcoId = idcc === undefined ? undefined : data?.idcc[String(idcc)];
  const opco = opcoId === undefined ? undefined : data?.opcos[opcoId];
  const filters = { siret, idcc: demande ?? null };
  if (!opcoId || !opco) {
    return { status: 200, body: { searchStatus: 'NOT_FOUND', opcoName: null, opcoSiren: null, idcc: idcc ?? null, url: null, filters } };
  }
  return {
    status: 200,
    body: { searchStatus: 'OK', opcoName: opco.opcoName, opcoSiren: opco.opcoSiren, idcc: idcc ?? null, url: `${origin.replace(/\/+$/, '')}/${opcoId}`, filters },
  };
}
