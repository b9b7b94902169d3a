// The mock's error catalogue: every problem it can answer, as RFC 7807 bodies carrying the norm's `errors[]`.
import { typeProbleme } from '../conformance/model/probleme.js';

/** One item of the norm's error list: a stable code, a French description, and the field or header concerned. */
export interface NormError {
  code: string;
  description: string;
  champ?: string;
}

/** Body of every error answer (`application/problem+json`). */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: NormError[];
  /** The detail again at the top level, where the OPCO's profile says so (Atlas). */
  description?: string;
  /** The detail again at the top level, where the OPCO's profile says so (OPCO EP). */
  comment?: string;
}

/** Which top-level member repeats an error's detail beside `errors[]` (profile quirk `erreurDescriptionRacine`). */
export type DescriptionRacine = 'none' | 'description' | 'comment';

interface ProblemTemplate {
  status: number;
  /** French title shown to CFA staff. */
  title: string;
}

/**
 * Every problem code the mock may send. A test checks each is reachable from the code and that titles are unique;
 * codes never change once published (clients match on them, not on texts).
 */
export const PROBLEMS = {
  CLE_API_ABSENTE: { status: 401, title: "La clé d'API (en-tête X-API-KEY) est absente" },
  CLE_API_INCONNUE: { status: 403, title: "La clé d'API n'est pas reconnue par cet OPCO" },
  ENTETE_EDITEUR_ABSENTE: { status: 400, title: 'Un en-tête obligatoire (EDITEUR, LOGICIEL, VERSION) est absent' },
  EDITEUR_NON_AUTORISE: { status: 403, title: "L'éditeur n'est pas autorisé pour ce CFA" },
  JETON_ABSENT: { status: 401, title: "Le jeton d'accès OAuth2 (Authorization: Bearer) est absent" },
  JETON_INVALIDE: { status: 401, title: "Le jeton d'accès OAuth2 est invalide ou expiré" },
  CLIENT_OAUTH_INVALIDE: { status: 401, title: 'Les identifiants du client OAuth2 sont invalides' },
  JSON_MALFORME: { status: 400, title: "Le corps de la requête n'est pas un JSON valide" },
  TYPE_CONTENU_NON_SUPPORTE: { status: 415, title: 'Le corps doit être envoyé en JSON (Content-Type: application/json)' },
  REQUETE_INVALIDE: { status: 400, title: 'La requête ne respecte pas la spécification de la norme' },
  OPERATION_INCONNUE: { status: 404, title: "Cette opération n'existe pas dans la norme" },
  OPCO_INCONNU: { status: 404, title: "Cet OPCO n'est pas connu du bouchon" },
  NON_SUPPORTE: { status: 501, title: "Cette opération n'est pas proposée par cet OPCO" },
  DOSSIER_INCONNU: { status: 404, title: "Le dossier n'est pas connu de l'OPCO" },
  DOSSIER_DEJA_CONNU: { status: 409, title: 'Un dossier portant ce numéro interne est déjà connu' },
  DOSSIER_REJETE: { status: 400, title: 'Le dossier ne respecte pas les règles de gestion de la norme' },
  ETAT_INCOMPATIBLE: { status: 409, title: "L'état du dossier ne permet pas cette opération" },
  FACTURE_REJETEE: { status: 400, title: 'La facture est rejetée' },
  PIECE_REJETEE: { status: 400, title: 'La pièce ne respecte pas les règles de gestion de la norme' },
  ADMIN_NON_AUTORISE: { status: 401, title: "Le jeton d'administration du bouchon est absent ou invalide" },
  CERTIFICATION_INACTIVE: { status: 404, title: "Le bouchon n'est pas en mode certification" },
  SESSION_INCONNUE: { status: 404, title: "Cette session de certification n'est pas connue du bouchon" },
  TROP_DE_REQUETES: { status: 429, title: 'Trop de requêtes, réessayez plus tard' },
  ERREUR_SIMULEE: { status: 500, title: 'Erreur interne simulée par le bouchon' },
  SERVICE_INDISPONIBLE: { status: 503, title: 'Service momentanément indisponible' },
  ERREUR_INTERNE: { status: 500, title: 'Erreur interne du bouchon' },
} as const satisfies Record<string, ProblemTemplate>;

export type ProblemCode = keyof typeof PROBLEMS;

/** Stable URI of a problem type; not dereferenceable, documented in docs/mock.md. */
export function problemType(code: ProblemCode): string {
  return typeProbleme(code);
}

/** A problem ready to send; thrown by handlers and turned into a response by the app's error handler. */
export class MockProblem extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors: NormError[] = [],
    options: { status?: number; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = 'MockProblem';
    this.status = options.status ?? PROBLEMS[code].status;
    this.headers = options.headers ?? {};
  }

  /** The RFC 7807 body; `racine` (the OPCO profile's `erreurDescriptionRacine`) adds the detail at the top level. */
  body(racine: DescriptionRacine = 'none'): ProblemBody {
    const body: ProblemBody = {
      type: problemType(this.code),
      title: PROBLEMS[this.code].title,
      status: this.status,
      detail: this.detail,
      errors: this.errors.length > 0 ? this.errors : [{ code: this.code, description: this.detail }],
    };
    if (racine !== 'none') body[racine] = this.detail;
    return body;
  }
}
