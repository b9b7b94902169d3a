// Deliberately broken variants of the mock OPCO: each breaks ONE behaviour of the norm, so the server suite can be shown to fail.
//
// A variant is data: its id, what it breaks (English), and the rule ids of the suite expected to fail against it.
// The engine and the app consult `isBroken(…, id)` at the one place each behaviour lives (see docs/variants.md).

export interface Variant {
  /** Stable kebab-case id, passed to `createMockApp({ breaks })` and `convergence mock --break`. */
  id: string;
  /** What the broken mock does instead of the norm's behaviour (English). */
  description: string;
  /**
   * Rule ids the conformance suite must report as failed against this variant, and no other: server rules
   * (`conformance/rules/serveur/`) and, where the suite judges a payload rule through the server, that rule's id.
   */
  breaks: readonly string[];
  /**
   * Payload rules (catalogue ids) whose blocking failures this variant ignores when it judges a deposit:
   * the mock accepts what that rule rejects (or engages what it refuses).
   */
  ignores?: readonly string[];
}

export const VARIANTS = [
  {
    id: 'facture-total-non-controle',
    description: 'Accepts an invoice whose total differs from the sum of its lines.',
    breaks: ['facture-total-egal-somme-lignes'],
    ignores: ['facture-total-egal-somme-lignes'],
  },
  {
    id: 'facture-doublon-acceptee',
    description: 'Accepts an invoice whose number was already accepted (no FACTURE_DEJA_CONNUE).',
    breaks: ['facture-deja-connue'],
    ignores: ['facture-deja-connue'],
  },
  {
    id: 'facture-iban-non-controle',
    description: "Accepts an invoice whose IBAN differs from the one of the invoiced échéance.",
    breaks: ['facture-iban-identique-echeance'],
    ignores: ['facture-iban-identique-echeance'],
  },
  {
    id: 'isolation-dossier-rompue',
    description: "GET /dossiers?numeroInterne= also finds another CFA's dossier at the same OPCO.",
    breaks: ['serveur-isolation-dossier'],
  },
  {
    id: 'isolation-etats-rompue',
    description: "GET /dossiers/etats lists every CFA's dossiers at the same OPCO, not only the caller's.",
    breaks: ['serveur-isolation-etats'],
  },
  {
    id: 'etat-bloque-transmis',
    description: 'A deposited dossier never leaves TRANSMIS (no instruction, no decision).',
    // Never decided: no refusal for age or inactive RNCP, no ANNULE for the duplicate either.
    breaks: ['serveur-cycle-de-vie', 'serveur-refus-eligibilite', 'eligibilite-age-maximum', 'eligibilite-rncp-actif', 'serveur-doublon-detecte', 'serveur-decision-vingt-jours', 'eligibilite-rncp-eligible-apprentissage'],
  },
  {
    id: 'engage-sans-deca',
    description: 'An engaged dossier has no DECA number (numeroDeca null).',
    // numeroDeca null breaks the read model's schema, and without a DECA number the invoice is refused; nor can a
    // successive contract name its previous one (the successive-contract refusals are not reached).
    breaks: [
      'serveur-engage-numero-deca',
      'serveur-reponse-conforme-spec',
      'serveur-facture-acceptee',
      'serveur-refus-eligibilite',
      'eligibilite-contrat-successif-delai',
      'eligibilite-remuneration-contrat-precedent',
    ],
  },
  {
    id: 'deca-format-invalide',
    description: 'The DECA number does not follow département (3) + year + month + NC + sequence (e.g. DECA-000001).',
    // The spec's NumeroDeca pattern judges the same value; a successive contract cannot name such a number.
    breaks: [
      'serveur-numero-deca-format',
      'serveur-reponse-conforme-spec',
      'serveur-refus-eligibilite',
      'eligibilite-contrat-successif-delai',
      'eligibilite-remuneration-contrat-precedent',
    ],
  },
  {
    id: 'echeancier-cinquante-cinquante',
    description: "Each contract year's amount is split 50/50 over its first two échéances instead of the norm's percentages.",
    breaks: ['serveur-echeancier-repartition'],
  },
  {
    id: 'rupture-sans-prorata',
    description: 'A rupture sets the state but keeps the whole échéancier (no prorata, later échéances kept).',
    // The mid-year rupture's amount is not prorated either.
    breaks: ['serveur-rupture-prorata', 'serveur-rupture-montant-prorata'],
  },
  {
    id: 'rupture-annee-entiere',
    description: "A rupture drops the years after it but keeps the rupture year's whole amount (no prorata within the year).",
    breaks: ['serveur-rupture-montant-prorata'],
  },
  {
    id: 'redepot-accepte',
    description: 'A second deposit under a numeroInterne already received is answered 201 like a first one (no DOSSIER_DEJA_CONNU).',
    breaks: ['serveur-redepot-refuse'],
  },
  {
    id: 'numero-page-ignore',
    description: 'GET /dossiers/etats ignores numeroPage: every page asked is answered with page 1.',
    breaks: ['serveur-pagination-numero-page'],
  },
  {
    id: 'erreurs-sans-champ',
    description: 'Error bodies keep errors[].code and description but drop errors[].champ (the field at fault).',
    breaks: ['serveur-erreur-champ'],
  },
  {
    id: 'reponses-texte-brut',
    description: 'Successful JSON answers are served with Content-Type text/plain (error answers keep application/problem+json).',
    breaks: ['serveur-type-contenu-json'],
  },
  {
    id: 'retry-after-absent',
    description: 'A 429 answer (rate limit, Prefer: code=429 or an armed fault) carries no Retry-After header.',
    breaks: ['serveur-retry-after-429'],
  },
  {
    id: 'appairage-tous-les-cfa',
    description: "GET /dossiers/appairage also returns another CFA's dossier at the same OPCO when the identity matches.",
    breaks: ['serveur-isolation-appairage'],
  },
  {
    id: 'json-malforme-500',
    description: 'A body that is not JSON is answered 500 instead of 400.',
    // A 5xx is also what serveur-pas-erreur-serveur forbids: one behaviour, two rules judging it.
    breaks: ['serveur-json-malforme-400', 'serveur-pas-erreur-serveur'],
  },
  {
    id: 'editeur-non-exige',
    description: 'A request without the EDITEUR header is accepted.',
    breaks: ['serveur-entetes-editeur-obligatoires'],
  },
  {
    id: 'cle-api-inconnue-acceptee',
    description: "An unknown API key is accepted (the request is served as the first configured CFA's).",
    breaks: ['serveur-cle-api-inconnue'],
  },
  {
    id: 'dossier-inconnu-200-vide',
    description: 'An unknown numeroInterne is answered 200 with an empty body instead of 404.',
    // Another CFA's dossier is answered the same way (200, not the 404 of an invisible dossier); the empty body breaks the schema.
    breaks: ['serveur-dossier-inconnu-404', 'serveur-isolation-dossier', 'serveur-reponse-conforme-spec'],
  },
  {
    id: 'erreurs-sans-liste',
    description: 'Error bodies lack the errors[] list (RFC 7807 fields only).',
    // Every rule that expects a refusal "with a code" reads it from errors[]: they all fail with it.
    breaks: [
      'serveur-corps-erreur',
      'serveur-reponse-conforme-spec',
      'serveur-dossier-inconnu-404',
      'serveur-isolation-dossier',
      'serveur-entetes-editeur-obligatoires',
      'serveur-json-malforme-400',
      'serveur-corps-trop-volumineux-413',
      // The field at fault is named in errors[].champ: without the list, no field is named.
      'serveur-erreur-champ',
      // Each planted invoice rejection is judged on its code, read from errors[].
      'facture-deja-connue',
      'facture-echeance-ouverte',
      'facture-frais-annexes-montant-engage',
      'facture-frais-annexes-plafond',
      'facture-iban-emetteur-renseigne',
      'facture-iban-identique-echeance',
      'facture-montant-attendu',
      'facture-montant-echeance-attendu',
      'facture-numero-echeance-connu',
      'facture-numero-externe-renseigne',
      'facture-siret-emetteur-connu',
      'facture-siret-identique-echeance',
      'facture-total-egal-somme-lignes',
      'facture-solde-service-fait',
      'facture-solde-hors-delai',
      'facture-contrat-conclu-depuis-2020',
      // Deposits refused with their code: the first NIR control of depot-nir-incoherent, the closed SIRET.
      'nir-coherence-sexe',
      'siret-etablissement-actif',
    ],
  },
  {
    id: 'pagination-total-faux',
    description: 'GET /dossiers/etats reports a total one higher than the number of dossiers.',
    breaks: ['serveur-pagination-total'],
  },
  {
    id: 'age-maximum-non-controle',
    description: 'Engages the contract of an apprentice above the maximum age (e.g. 35) instead of refusing it.',
    // The age scenario's verdict is reported under the payload rule too.
    breaks: ['serveur-refus-eligibilite', 'eligibilite-age-maximum'],
    ignores: ['eligibilite-age-maximum'],
  },
  // Issue 14: the référentiels (RNCP eligibility, SIRENE), the NIR controls and the successive contracts.
  {
    id: 'rncp-non-eligible-engage',
    description: "Engages a contract preparing a certification whose RNCP fiche does not tick « éligible à l'apprentissage ».",
    breaks: ['serveur-refus-eligibilite', 'eligibilite-rncp-eligible-apprentissage'],
    ignores: ['eligibilite-rncp-eligible-apprentissage'],
  },
  {
    id: 'siret-ferme-accepte',
    description: 'Accepts a CERFA whose employer SIRET is an establishment SIRENE knows as closed at the conclusion.',
    breaks: ['siret-etablissement-actif'],
    ignores: ['siret-etablissement-actif'],
  },
  {
    id: 'nir-sexe-non-controle',
    description: "Accepts a CERFA whose NIR's first digit contradicts the apprentice's sex.",
    breaks: ['nir-coherence-sexe'],
    ignores: ['nir-coherence-sexe'],
  },
  {
    id: 'nir-naissance-non-controlee',
    description: "Accepts a CERFA whose NIR's year or month of birth contradicts the apprentice's birth date.",
    breaks: ['nir-coherence-date-naissance'],
    ignores: ['nir-coherence-date-naissance'],
  },
  {
    id: 'nir-departement-non-controle',
    description: "Accepts a CERFA whose NIR's département contradicts the apprentice's birth département.",
    breaks: ['nir-coherence-departement'],
    ignores: ['nir-coherence-departement'],
  },
  {
    id: 'contrat-successif-hors-delai-engage',
    description: 'Engages the successive contract of an apprentice past 29 concluded more than a year after the previous contract ended.',
    breaks: ['serveur-refus-eligibilite', 'eligibilite-contrat-successif-delai'],
    ignores: ['eligibilite-contrat-successif-delai'],
  },
  {
    id: 'remuneration-sous-contrat-precedent-engage',
    description: "Engages a new contract with the same employer paid below the previous contract's last-year rate.",
    breaks: ['serveur-refus-eligibilite', 'eligibilite-remuneration-contrat-precedent'],
    ignores: ['eligibilite-remuneration-contrat-precedent'],
  },
  {
    id: 'montant-regle-fige',
    description: "An invoice becomes REGLE but the échéance's montantRegle never rises (the amount stays en cours d'instruction).",
    // Never fully paid, so never SOLDE.
    breaks: ['serveur-facture-reglement', 'serveur-dossier-solde'],
  },
  {
    id: 'corps-volumineux-accepte',
    description: 'No 413 for an oversized body: the size limit is lifted (1 GiB).',
    breaks: ['serveur-corps-trop-volumineux-413'],
  },
  {
    id: 'participation-non-deduite',
    description: 'The commitment of a level ≥ 6 contract concluded from 2025-07-01 keeps the whole NPEC: the employer participation (750 €, 200 €) is not deducted from the first échéance.',
    breaks: ['serveur-echeancier-repartition'],
  },
  {
    id: 'participation-rupture-forfait',
    description: 'After a rupture within the 45-day probatory period the flat participation (750 €) is deducted instead of 50 % of the amount of the days performed.',
    breaks: ['serveur-rupture-montant-prorata'],
  },
  {
    id: 'amorcage-niveau-unique',
    description: "A certification without an NPEC is committed at one flat valeur d'amorçage (6 000 €) whatever its level, not at its level's (5 470 € to 7 000 € from 2022-09-01).",
    breaks: ['serveur-npec-valeur-amorcage'],
  },
  {
    id: 'distanciel-non-minore',
    description: 'A training given at least 80 % at distance (contract concluded from 2025-07-01) is financed at the full NPEC, without the 20 % minoration.',
    breaks: ['serveur-npec-valeur-amorcage'],
  },
  {
    id: 'facture-solde-sans-service-fait',
    description: "Accepts the invoice of a year's 10 % balance with no certificat de réalisation for its period (no service fait).",
    breaks: ['facture-solde-service-fait'],
    ignores: ['facture-solde-service-fait'],
  },
  {
    id: 'facture-solde-hors-delai-acceptee',
    description: "Accepts the invoice of a year's balance sent more than four months after the contract's end.",
    breaks: ['facture-solde-hors-delai'],
    ignores: ['facture-solde-hors-delai'],
  },
  {
    id: 'facture-contrat-2019-acceptee',
    description: 'Accepts the invoice of a contract concluded before 2020-01-01 (seed 003: only contracts from 2020 are invoiced through the API).',
    breaks: ['facture-contrat-conclu-depuis-2020'],
    ignores: ['facture-contrat-conclu-depuis-2020'],
  },
  {
    id: 'non-commence-reste-engage',
    description: 'A contract with no sign of execution long after its start date stays ENGAGE instead of Annulé (contrat non commencé).',
    breaks: ['serveur-decision-annulation-non-commence'],
  },
  {
    id: 'facture-rejet-sans-motif',
    description: 'The invoice states list a rejected invoice (REJETEE) without its reasons (commentaire null).',
    breaks: ['serveur-facture-refus-motif'],
  },
  {
    id: 'reglement-immediat',
    description: "An accepted invoice's amount shows at once in the échéance's montantRegle, never as montantEnCoursInstruction while the invoice is processed.",
    breaks: ['serveur-facture-suivi-echeancier'],
  },
] as const satisfies readonly Variant[];

export type VariantId = (typeof VARIANTS)[number]['id'];

/** The set of variants a mock runs with; empty for the conformant mock. */
export type Breaks = ReadonlySet<VariantId>;

export const NO_BREAKS: Breaks = new Set<VariantId>();

const byId = new Map<string, Variant>(VARIANTS.map((v) => [v.id, v]));

export function findVariant(id: string): Variant | undefined {
  return byId.get(id);
}

/** Thrown for a variant id that does not exist: a CLI input error (exit 2), never a silently conformant mock. */
export class UnknownVariantError extends Error {
  constructor(readonly ids: string[]) {
    super(`unknown variant(s): ${ids.join(', ')} (known: ${VARIANTS.map((v) => v.id).join(', ')})`);
    this.name = 'UnknownVariantError';
  }
}

/** Checks ids given as text (CLI, options) and returns the set the engine consults. */
export function parseBreaks(ids: readonly string[] | undefined): Breaks {
  const list = ids ?? [];
  const unknown = list.filter((id) => !byId.has(id));
  if (unknown.length > 0) throw new UnknownVariantError(unknown);
  return new Set(list as VariantId[]);
}

/** Whether a behaviour is broken; `holder` is an engine context or the app's runtime (absent breaks: conformant). */
export function isBroken(holder: { breaks?: Breaks } | Breaks | undefined, id: VariantId): boolean {
  if (!holder) return false;
  if (holder instanceof Set) return holder.has(id);
  return (holder as { breaks?: Breaks }).breaks?.has(id) ?? false;
}

/** Catalogue rule ids whose failures the active variants ignore. */
export function ignoredRules(breaks: Breaks | undefined): ReadonlySet<string> {
  const ignored = new Set<string>();
  for (const id of breaks ?? []) for (const rule of (byId.get(id)?.ignores ?? [])) ignored.add(rule);
  return ignored;
}

/** Drops the findings of rules a variant ignores; identity when the mock is conformant. */
export function withoutIgnored<F extends { rule: { id: string } }>(holder: { breaks?: Breaks }, findings: F[]): F[] {
  if (!holder.breaks || holder.breaks.size === 0) return findings;
  const ignored = ignoredRules(holder.breaks);
  return ignored.size === 0 ? findings : findings.filter((f) => !ignored.has(f.rule.id));
}
