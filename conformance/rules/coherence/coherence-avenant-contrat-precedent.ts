// C2: an avenant of type 31 to 37 gives the number of the contract it modifies.
import { defineRule, fail, notApplicable, pass } from '../rule.js';
import { eligibiliteParams } from '../support/params.js';
import { copie } from '../support/plant.js';
import { enAvenant } from '../support/avenant.js';

const params = eligibiliteParams();

export default defineRule<'cerfa'>({
  id: 'coherence-avenant-contrat-precedent',
  title: "Un avenant (types 31 à 37) doit indiquer le numéro du contrat qu'il modifie",
  requirements: ['COH-12'],
  severity: 'bloquant',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const type = cerfa.contrat?.typeContratApp;
    if (!params.typesAvenantNumeroRequis.has(type)) return notApplicable("le contrat n'est pas un avenant de type 31 à 37");
    const numero = cerfa.contrat.numeroContratPrecedent;
    if (typeof numero === 'string' && numero.trim() !== '') return pass();
    return fail({
      path: 'contrat.numeroContratPrecedent',
      expected: `le numéro DECA du contrat modifié (avenant de type ${type})`,
      received: 'absent',
    });
  },
  plant(valid) {
    const cerfa = copie(valid);
    enAvenant(cerfa);
    delete cerfa.contrat.numeroContratPrecedent;
    return { payload: cerfa };
  },
});
