// A training site distinct from the CFA (memeResponsable = false) is identified like the CFA (norme.md §3.1).
import { defineRule, fail, notApplicable, pass, type Violation } from '../rule.js';
import { avec, champs } from '../identifiants/champs.js';
import { manquants } from './verifications.js';

const MEME_RESPONSABLE = champs('etablissementFormation.memeResponsable');
const REQUIS = champs(
  'etablissementFormation.siret',
  'etablissementFormation.uaiCfa',
  'etablissementFormation.denomination',
  'etablissementFormation.adresse.voie',
  'etablissementFormation.adresse.codePostal',
  'etablissementFormation.adresse.commune',
);

export default defineRule({
  id: 'cerfa-etablissement-formation-champs-obligatoires',
  title: 'Le lieu de formation, s’il est distinct de l’organisme, doit être identifié',
  requirements: ['CERFA-10'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const etab = cerfa.etablissementFormation;
    if (etab === undefined || etab === null) return notApplicable('pas d’établissement de formation déclaré');
    let v: Violation[] | undefined = manquants(cerfa, MEME_RESPONSABLE);
    if (etab.memeResponsable === false) v = manquants(cerfa, REQUIS, v);
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    return { payload: avec(valid, 'etablissementFormation', { memeResponsable: false }) };
  },
});
