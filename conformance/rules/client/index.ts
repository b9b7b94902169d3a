// Rules of the 'client' area: they judge a CFA software's recorded certification session (convergence test cfa), not payloads.
import type { Rule } from '../rule.js';
import clientCadenceLectureEtat from './client-cadence-lecture-etat.js';
import clientContratSansDoublon from './client-contrat-sans-doublon.js';
import clientDepotRejeteNonRenvoye from './client-depot-rejete-non-renvoye.js';
import clientEntetesEditeurPresents from './client-entetes-editeur-presents.js';
import clientEntetesEditeurStables from './client-entetes-editeur-stables.js';
import clientEtatLuAvantFacture from './client-etat-lu-avant-facture.js';
import clientFactureRejeteeCorrigee from './client-facture-rejetee-corrigee.js';
import clientPasDeTempeteApresErreur from './client-pas-de-tempete-apres-erreur.js';
import clientPauseAvantRenvoiApres5xx from './client-pause-avant-renvoi-apres-5xx.js';
import clientRequeteConformeSpec from './client-requete-conforme-spec.js';
import clientRetryAfterRespecte from './client-retry-after-respecte.js';
import clientVersionDeclaree from './client-version-declaree.js';

/** In the order a report reads them: how the software presents itself, what it sends, how it reacts. */
export const clientRules: Rule<any>[] = [
  clientEntetesEditeurPresents,
  clientEntetesEditeurStables,
  clientVersionDeclaree,
  clientRequeteConformeSpec,
  clientContratSansDoublon,
  clientDepotRejeteNonRenvoye,
  clientFactureRejeteeCorrigee,
  clientEtatLuAvantFacture,
  clientRetryAfterRespecte,
  clientPauseAvantRenvoiApres5xx,
  clientPasDeTempeteApresErreur,
  clientCadenceLectureEtat,
];
