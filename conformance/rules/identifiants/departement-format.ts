// Département codes (addresses, birth) are 01–95, 2A/2B, 971–978, 984–989, or 99 for a birth abroad (norme.md §3.4).
import { isValidDepartement } from '../../identifiers/index.js';
import { defineRule, fail, pass, type Violation } from '../rule.js';
import { avec, champ, lire, recu } from './champs.js';
import { ADRESSES, estEtranger } from './chemins.js';

const NAISSANCE = champ('apprenti.departementNaissance');
const ATTENDU = '01 à 95, 2A, 2B, 971 à 978, 984 à 989 (99 : né à l’étranger)';

export default defineRule({
  id: 'departement-format',
  title: 'Le code département doit être un code de département français',
  requirements: ['ID-22'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    let violations: Violation[] | undefined;
    const naissance = lire(cerfa, NAISSANCE);
    if (naissance !== undefined && naissance !== null && naissance !== '') {
      if (typeof naissance !== 'string' || !isValidDepartement(naissance)) {
        violations = [{ path: NAISSANCE.path, expected: ATTENDU, received: recu(NAISSANCE.path, naissance) }];
      }
    }
    for (const a of ADRESSES) {
      const d = lire(cerfa, a.departement);
      if (d === undefined || d === null || d === '') continue;
      if (typeof d === 'string' && isValidDepartement(d)) continue;
      if (estEtranger(lire(cerfa, a.pays))) continue;
      (violations ??= []).push({ path: a.departement.path, expected: ATTENDU, received: recu(a.departement.path, d) });
    }
    return violations ? fail(...violations) : pass();
  },
  plant(valid) {
    return { payload: avec(valid, 'employeur.adresse.departement', '2C') };
  },
});
