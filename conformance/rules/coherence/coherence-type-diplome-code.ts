// R2: the diploma type is of the level the first 3 characters of the code diplôme imply.
import { defineRule, fail, notApplicable, pass, skip } from '../rule.js';
import { copie } from '../support/plant.js';
import { niveauTypeDiplome, typeDiplomeAttendu } from '../support/type-diplome.js';

export default defineRule<'cerfa'>({
  id: 'coherence-type-diplome-code',
  title: 'Le type de diplôme doit être du niveau indiqué par le code diplôme de la formation',
  requirements: ['COH-22'],
  severity: 'avertissement',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const type = cerfa.formation?.typeDiplome;
    if (type === undefined) return notApplicable('type de diplôme non renseigné');
    const attendu = typeDiplomeAttendu(cerfa.formation.codeDiplome);
    if (attendu === undefined) return skip('préfixe du code diplôme absent de la table de correspondance');
    // The table is the Mission apprentissage's autofill: within one level several types are legitimate (a master
    // coded 135… is 71 there, "Master indifférencié" 73 is as right), so only the level is compared.
    if (typeof type === 'number' && niveauTypeDiplome(type) === niveauTypeDiplome(attendu)) return pass();
    return fail({
      path: 'formation.typeDiplome',
      expected: `un type de niveau ${niveauTypeDiplome(attendu)} (${attendu} d'après le code diplôme ${cerfa.formation.codeDiplome})`,
      received: String(type),
    });
  },
  plant(valid) {
    const cerfa = copie(valid);
    let attendu = typeDiplomeAttendu(cerfa.formation.codeDiplome);
    if (attendu === undefined) {
      cerfa.formation.codeDiplome = `320${String(cerfa.formation.codeDiplome).slice(3).padEnd(5, '0')}`;
      attendu = 54;
    }
    cerfa.formation.typeDiplome = niveauTypeDiplome(attendu) === 5 ? 41 : 54;
    return { payload: cerfa };
  },
});
