// The one rule catalogue: every rule of every area, in one explicit list used by the mock, the validator and the suites.
import type { Rule } from './rule.js';
import type { PayloadKind } from '../model/payloads.js';
import { identifiantsRules } from './identifiants/index.js';
import { cerfaRules } from './cerfa/index.js';
import { coherenceRules } from './coherence/index.js';
import { eligibiliteRules } from './eligibilite/index.js';
import { facturationRules } from './facturation/index.js';
import { conventionRules } from './convention/index.js';
import { certificatRules } from './certificat/index.js';
import { serveurRules } from './serveur/index.js';
import { clientRules } from './client/index.js';
import { schemaRules } from './schema/index.js';

export const catalogue: readonly Rule<any>[] = [
  ...schemaRules,
  ...identifiantsRules,
  ...cerfaRules,
  ...coherenceRules,
  ...eligibiliteRules,
  ...facturationRules,
  ...conventionRules,
  ...certificatRules,
  ...serveurRules,
  ...clientRules,
];

const byId = new Map(catalogue.map((rule) => [rule.id, rule]));

export function findRule(id: string): Rule<any> | undefined {
  return byId.get(id);
}

export function rulesFor(kind: PayloadKind): Rule<any>[] {
  return catalogue.filter((rule) => rule.appliesTo.includes(kind));
}
