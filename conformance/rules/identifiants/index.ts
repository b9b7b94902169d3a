// Rules of the 'identifiants' area, listed explicitly (never registered by import side effect).
import type { Rule } from '../rule.js';
import siretFormat from './siret-format.js';
import siretLuhn from './siret-luhn.js';
import uaiFormat from './uai-format.js';
import uaiLettreCle from './uai-lettre-cle.js';
import nirFormat from './nir-format.js';
import nirCle from './nir-cle.js';
import nirCoherenceSexe from './nir-coherence-sexe.js';
import nirCoherenceDateNaissance from './nir-coherence-date-naissance.js';
import nirCoherenceDepartement from './nir-coherence-departement.js';
import ibanValide from './iban-valide.js';
import rncpFormat from './rncp-format.js';
import codeDiplomeFormat from './code-diplome-format.js';
import nafFormat from './naf-format.js';
import idccFormat from './idcc-format.js';
import codePostalFormat from './code-postal-format.js';
import departementFormat from './departement-format.js';
import numeroDecaFormat from './numero-deca-format.js';
import courrielFormat from './courriel-format.js';
import telephoneFormat from './telephone-format.js';
import siretOrganismeCleCfa from './siret-organisme-cle-cfa.js';
import siretEtablissementActif from './siret-etablissement-actif.js';

export const identifiantsRules: Rule<any>[] = [
  siretFormat,
  siretLuhn,
  uaiFormat,
  uaiLettreCle,
  nirFormat,
  nirCle,
  nirCoherenceSexe,
  nirCoherenceDateNaissance,
  nirCoherenceDepartement,
  ibanValide,
  rncpFormat,
  codeDiplomeFormat,
  nafFormat,
  idccFormat,
  codePostalFormat,
  departementFormat,
  numeroDecaFormat,
  courrielFormat,
  telephoneFormat,
  siretOrganismeCleCfa,
  siretEtablissementActif,
];
