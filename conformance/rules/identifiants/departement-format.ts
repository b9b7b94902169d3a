// Département codes (addresses, birth) are 01–95, 2A/2B, 971–978, 984–989, or 99 for a birth abroad; a birth one may be padded to 3 (069).
import { isValidDepartement } from '../../identifiers/index.js';
import type { Adresse } from '../../model/payloads.js';
import { defineRule, type Violation } from '../rule.js';
import { avec, recu, resultat } from '../support/champs.js';
import { departementSurDeux, estEtranger } from './chemins.js';

const ATTENDU = '01 à 95, 2A, 2B, 971 à 978, 984 à 989 (99 : né à l’étranger)';
const ATTENDU_NAISSANCE = `${ATTENDU}, ou sur 3 caractères (069, 02A, 099)`;

function verifier(out: Violation[] | undefined, d: unknown, pays: unknown, path: string, attendu = ATTENDU): Violation[] | undefined {
  if (d === undefined || d === null || d === '') return out;
  if (typeof d === 'string' && isValidDepartement(d)) return out;
  if (estEtranger(pays)) return out;
  (out ??= []).push({ path, expected: attendu, received: recu(path, d) });
  return out;
}

/** The birth département, 2 or 3 characters. */
function naissance(out: Violation[] | undefined, d: unknown): Violation[] | undefined {
  if (typeof d === 'string' && isValidDepartement(departementSurDeux(d))) return out;
  return verifier(out, d, undefined, 'apprenti.departementNaissance', ATTENDU_NAISSANCE);
}

const adresse = (out: Violation[] | undefined, a: Adresse | undefined | null, path: string) =>
  verifier(out, a?.departement, a?.pays, path);

export default defineRule({
  id: 'departement-format',
  title: 'Le code département doit être un code de département français',
  requirements: ['ID-22', 'ID-28'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    let v = naissance(undefined, cerfa.apprenti?.departementNaissance);
    v = adresse(v, cerfa.employeur?.adresse, 'employeur.adresse.departement');
    v = adresse(v, cerfa.apprenti?.adresse, 'apprenti.adresse.departement');
    v = adresse(v, cerfa.apprenti?.responsableLegal?.adresse, 'apprenti.responsableLegal.adresse.departement');
    v = adresse(v, cerfa.organismeFormation?.adresse, 'organismeFormation.adresse.departement');
    v = adresse(v, cerfa.organismeFormationLieuFormationPrincipal?.adresse, 'organismeFormationLieuFormationPrincipal.adresse.departement');
    return resultat(v);
  },
  plant(valid) {
    return { payload: avec(valid, 'employeur.adresse.departement', '2C') };
  },
});
