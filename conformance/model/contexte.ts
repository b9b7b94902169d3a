// What the OPCO knows when a payload is judged: the context every rule may read, shared by the rules and the session model.
import type { Certificat, IsoDate } from './payloads.js';
import type { DossierLu } from './dossier.js';
import type { ReferentielSirene } from './sirene.js';

/**
 * What the OPCO knows, for the rules that need more than the payload (invoice rules, duplicates, dates
 * relative to today). Every field is optional: a rule that needs an absent one returns `skip`.
 */
export interface RuleContext {
  /** Today on the judging clock (the mock's clock, or the real date), `YYYY-MM-DD`. */
  today?: IsoDate;
  /**
   * Dossiers known to the OPCO for this CFA, as read back. For a CERFA, the OPCO's earlier dossiers of the same
   * apprentice (same NIR, or the DECA number in contrat.numeroContratPrecedent): the successive-contract rules read
   * the previous contract there.
   */
  dossiers?: DossierLu[];
  /** Invoice numbers (numeroInterneFacture) already known to the OPCO for this CFA. */
  facturesConnues?: string[];
  /** SIRETs of CFAs known to the OPCO. */
  siretsConnus?: string[];
  /** SIRET of the CFA whose API key sent the payload (the mock's tenant); absent → skip. */
  siretCfa?: string;
  /** RNCP codes known to be inactive (from a référentiel); absent → skip. */
  rncpInactifs?: string[];
  /**
   * RNCP codes whose fiche does not tick « éligible à l'apprentissage » (seed 003: the OPCO checks the box at the
   * RNCP); absent → skip.
   */
  rncpNonEligibles?: string[];
  /** SIRENE establishments (state, dates, address, legal category) for the payload's SIRETs; absent → skip. */
  sirene?: ReferentielSirene;
  /**
   * Certificats de réalisation the OPCO already holds for this CFA's dossiers (sent alone, or embedded in an accepted
   * invoice): a balance paid after service fait may be invoiced without embedding one again; absent → skip.
   */
  certificatsRecus?: Certificat[];
  /**
   * The payload's errors against the spec's request schema of its operation, computed by the shell that holds the
   * compiled spec (`validate`, the mock); `[]` when it conforms; absent → the schema was not checked (skip).
   */
  erreursSchema?: ErreurSchema[];
}

/** One error of a payload against the spec's request schema, in the norm's error terms. */
export interface ErreurSchema {
  /** The member at fault, `lignes[0].montant` notation. */
  champ: string;
  /** French description, e.g. « Le champ numeroInterneFacture est obligatoire ». */
  description: string;
}
