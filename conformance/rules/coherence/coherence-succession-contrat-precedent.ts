// A succession of contracts (types 21 to 23) should give the previous contract's number.
import { defineRule, fail, notApplicable, pass } from '../rule.js';
import { eligibiliteParams } from '../support/params.js';
import { copie } from '../support/plant.js';

const params = eligibiliteParams();

export default defineRule<'cerfa'>({
  id: 'coherence-succession-contrat-precedent',
  title: "Une succession de contrats (types 21 à 23) devrait indiquer le numéro du contrat précédent",
  requirements: ['COH-15'],
  severity: 'avertissement',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const type = cerfa.contrat?.typeContratApp;
    if (!params.typesContratSuccessif.has(type)) return notApplicable("le contrat n'est pas une succession de contrats");
    const numero = cerfa.contrat.numeroContratPrecedent;
    if (typeof numero === 'string' && numero.trim() !== '') return pass();
    return fail({
      path: 'contrat.numeroContratPrecedent',
      expected: `le numéro DECA du contrat précédent (type ${type})`,
      received: 'absent',
    });
  },
  plant(valid) {
    const cerfa = copie(valid);
    cerfa.contrat.typeContratApp = 21;
    delete cerfa.contrat.numeroContratPrecedent;
    return { payload: cerfa };
  },
});
