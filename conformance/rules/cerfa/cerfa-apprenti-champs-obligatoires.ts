// The apprentice block carries every required field; a declared legal guardian is identified (norme.md §3.1, wire-format.md §1).
import { defineRule, type Violation } from '../rule.js';
import { avec, requis, resultat } from '../support/champs.js';

export default defineRule({
  id: 'cerfa-apprenti-champs-obligatoires',
  title: 'Les champs obligatoires de l’apprenti doivent être renseignés',
  requirements: ['CERFA-02', 'CERFA-05', 'CERFA-06'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const p = cerfa.apprenti;
    const a = p?.adresse;
    // The NIR is left to cerfa-nir-obligatoire, which cites the FAQ's own answer on it.
    let v: Violation[] | undefined = requis(undefined, p?.nom, 'apprenti.nom');
    v = requis(v, p?.prenom, 'apprenti.prenom');
    v = requis(v, p?.sexe, 'apprenti.sexe');
    v = requis(v, p?.dateNaissance, 'apprenti.dateNaissance');
    v = requis(v, p?.communeNaissance, 'apprenti.communeNaissance');
    v = requis(v, p?.departementNaissance, 'apprenti.departementNaissance');
    v = requis(v, p?.nationalite, 'apprenti.nationalite');
    v = requis(v, p?.regimeSocial, 'apprenti.regimeSocial');
    v = requis(v, a?.adresse1, 'apprenti.adresse.adresse1');
    v = requis(v, a?.codePostal, 'apprenti.adresse.codePostal');
    v = requis(v, a?.commune, 'apprenti.adresse.commune');
    v = requis(v, p?.telephone, 'apprenti.telephone');
    v = requis(v, p?.courriel, 'apprenti.courriel');
    v = requis(v, p?.handicap, 'apprenti.handicap');
    v = requis(v, p?.situationAvantContrat, 'apprenti.situationAvantContrat');
    v = requis(v, p?.diplomePrepare, 'apprenti.diplomePrepare');
    v = requis(v, p?.diplome, 'apprenti.diplome');
    v = requis(v, p?.derniereClasse, 'apprenti.derniereClasse');
    // Whether a minor needs a guardian at all is eligibilite-responsable-legal-mineur's question (age at conclusion).
    const r = p?.responsableLegal;
    if (r !== undefined && r !== null) {
      v = requis(v, r?.nom, 'apprenti.responsableLegal.nom');
      v = requis(v, r?.prenom, 'apprenti.responsableLegal.prenom');
      // Real software sends no memeAdresse: an absent address is the apprentice's. One given, or declared different, is complete.
      const adresse: unknown = r.adresse;
      if (r.memeAdresse === false || (adresse !== undefined && adresse !== null)) {
        v = requis(v, r.adresse?.adresse1, 'apprenti.responsableLegal.adresse.adresse1');
        v = requis(v, r.adresse?.codePostal, 'apprenti.responsableLegal.adresse.codePostal');
        v = requis(v, r.adresse?.commune, 'apprenti.responsableLegal.adresse.commune');
      }
    }
    return resultat(v);
  },
  plant(valid) {
    return { payload: avec(valid, 'apprenti.communeNaissance', '') };
  },
});
