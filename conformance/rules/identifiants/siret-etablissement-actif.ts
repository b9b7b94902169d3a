// The CERFA's SIRETs designate establishments SIRENE knows, open at the conclusion (ID-03; COH-31).
//
// What the Mission apprentissage form checks against API Entreprise (norme.md §3.2 S1, S3: not found or closed →
// error), judged here against the SIRENE référentiel of the context (RuleContext.sirene: the mock's sample
// mocks/data/sirene.yaml, or `validate --sirene`). A SIRET absent from a sample référentiel is not judged; from an
// exhaustive one (`exhaustif: true`) it is unknown to SIRENE. No référentiel, or none of the SIRETs in it: skip.
// Non-diffusible is no refusal here: the form errs because it cannot fill the fields from a public lookup, but the
// OPCO receives every field and reads non-diffusible establishments (API Entreprise serves administrations).
import { formatIsoDate } from '../../remuneration/calendar.js';
import { defineRule, fail, pass, skip, type Violation } from '../rule.js';
import { factsOf } from '../support/facts.js';
import { actifLe, etablissement, SIRETS_CERFA } from './sirene.js';

export default defineRule<'cerfa'>({
  id: 'siret-etablissement-actif',
  title: "Les SIRET de l'employeur et de l'organisme de formation doivent désigner des établissements actifs de la base SIRENE à la conclusion du contrat",
  requirements: ['ID-03', 'COH-31'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa, context) {
    const sirene = context.sirene;
    if (!sirene) return skip('référentiel SIRENE non fourni (contexte sans sirene)');
    const conclusion = factsOf(cerfa).conclusion;
    const le = conclusion === undefined ? "aujourd'hui" : `le ${formatIsoDate(conclusion)}`;
    const lache = cerfa as unknown as Record<string, { siret?: unknown } | undefined>;
    const violations: Violation[] = [];
    let juges = 0;
    for (const { membre, path, qui } of SIRETS_CERFA) {
      const siret = lache[membre]?.siret;
      if (typeof siret !== 'string' || siret === '') continue;
      const e = etablissement(sirene, siret);
      if (!e) {
        if (sirene.exhaustif !== true) continue;
        juges++;
        violations.push({ path, expected: 'un SIRET connu de la base SIRENE', received: `${siret} (inconnu)`, message: `Le SIRET ${qui} n'existe pas dans la base SIRENE` });
        continue;
      }
      juges++;
      if (!actifLe(e, conclusion)) {
        const etat = e.etat === 'F' ? `fermé${e.dateFermeture ? ` le ${e.dateFermeture}` : ''}` : `créé le ${e.dateCreation}`;
        violations.push({ path, expected: `un établissement actif ${le} (date de conclusion)`, received: `${siret} (${etat})`, message: `Le SIRET ${qui} correspond à un établissement fermé ou non encore créé à la date de conclusion du contrat` });
      }
    }
    if (juges === 0) return skip('aucun SIRET du CERFA dans le référentiel SIRENE (échantillon non exhaustif)');
    return violations.length === 0 ? pass() : fail(...violations);
  },
  plant(valid, context) {
    // SIRENE knows the employer's establishment as closed a year before the contract was concluded.
    const siret = valid.employeur.siret;
    const conclusion = valid.contrat.dateConclusion;
    const fermeture = `${String(Number(conclusion.slice(0, 4)) - 1).padStart(4, '0')}${conclusion.slice(4, 10)}`.replace(/-02-29$/, '-02-28');
    const ferme = { etat: 'F' as const, dateCreation: '2000-01-03', dateFermeture: fermeture, diffusible: true, codePostal: valid.employeur.adresse?.codePostal };
    const sirene = context.sirene ?? { exhaustif: false, etablissements: {} };
    return { payload: valid, context: { ...context, sirene: { ...sirene, etablissements: { ...sirene.etablissements, [siret]: ferme } } } };
  },
});
