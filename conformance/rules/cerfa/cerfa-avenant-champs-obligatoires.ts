// An avenant (types 31–37) names the contract it amends and its effective date (control C2; norme.md §3.1).
import { defineRule, fail, notApplicable, pass } from '../rule.js';
import { avec, champs } from '../identifiants/champs.js';
import { manquants } from './verifications.js';

const REQUIS = champs('contrat.numeroContratPrecedent', 'contrat.dateEffetAvenant');

export default defineRule({
  id: 'cerfa-avenant-champs-obligatoires',
  title: 'Un avenant doit indiquer le numéro du contrat précédent et sa date d’effet',
  requirements: ['CERFA-13'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const type = cerfa.contrat?.typeContratApp;
    // Type 38 shows the fields without requiring them, as in the source control.
    if (typeof type !== 'number' || type < 31 || type > 37) return notApplicable('le contrat n’est pas un avenant 31 à 37');
    const v = manquants(cerfa, REQUIS);
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    // Typing the dossier as an avenant without its two fields: 36 is "autres modifications".
    const payload = avec(valid, 'contrat.typeContratApp', 36);
    delete payload.contrat.numeroContratPrecedent;
    delete payload.contrat.dateEffetAvenant;
    return { payload };
  },
});
