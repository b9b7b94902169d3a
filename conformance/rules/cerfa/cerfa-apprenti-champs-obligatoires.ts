// The apprentice block carries every required field, and a legal guardian when the apprentice is a non-emancipated minor.
import { defineRule, fail, pass, type Violation } from '../rule.js';
import { champs, avec, lire } from '../identifiants/champs.js';
import { manquants } from './verifications.js';

/** The NIR is left to cerfa-nir-obligatoire, which cites the FAQ's own answer on it. */
const REQUIS = champs(
  'apprenti.nom',
  'apprenti.prenom',
  'apprenti.sexe',
  'apprenti.dateNaissance',
  'apprenti.communeNaissance',
  'apprenti.departementNaissance',
  'apprenti.nationalite',
  'apprenti.regimeSocial',
  'apprenti.adresse.voie',
  'apprenti.adresse.codePostal',
  'apprenti.adresse.commune',
  'apprenti.telephone',
  'apprenti.courriel',
  'apprenti.handicap',
  'apprenti.situationAvantContrat',
  'apprenti.diplomePrepare',
  'apprenti.diplome',
  'apprenti.derniereClasse',
);
const RESPONSABLE = champs('apprenti.responsableLegal.nom', 'apprenti.responsableLegal.prenom', 'apprenti.responsableLegal.memeAdresse');
const ADRESSE_RESPONSABLE = champs(
  'apprenti.responsableLegal.adresse.voie',
  'apprenti.responsableLegal.adresse.codePostal',
  'apprenti.responsableLegal.adresse.commune',
);

export default defineRule({
  id: 'cerfa-apprenti-champs-obligatoires',
  title: 'Les champs obligatoires de l’apprenti doivent être renseignés',
  requirements: ['CERFA-02', 'CERFA-05', 'CERFA-06'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    let v: Violation[] | undefined = manquants(cerfa, REQUIS);
    const apprenti = cerfa.apprenti;
    const responsable = apprenti?.responsableLegal;
    if (apprenti?.apprentiMineurNonEmancipe === true || (responsable !== undefined && responsable !== null)) {
      v = manquants(cerfa, RESPONSABLE, v);
      if (lire(cerfa, RESPONSABLE[2]!) === false) v = manquants(cerfa, ADRESSE_RESPONSABLE, v);
    }
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    return { payload: avec(valid, 'apprenti.communeNaissance', '') };
  },
});
