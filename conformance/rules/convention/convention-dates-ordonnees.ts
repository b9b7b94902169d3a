// Contract and training dates of the convention are readable and in order (start ≤ end).
import { defineRule, verdict, type Violation } from '../rule.js';
import { copie, jour, valeur } from '../support/facturation.js';

const PAIRES = [
  ['contrat.dateDebutContrat', 'contrat.dateFinContrat', 'du contrat'],
  ['formation.dateDebutFormation', 'formation.dateFinFormation', 'de la formation'],
] as const;

export default defineRule<'convention'>({
  id: 'convention-dates-ordonnees',
  title: 'Les dates de début doivent précéder les dates de fin du contrat et de la formation',
  requirements: ['CONV-03'],
  severity: 'bloquant',
  area: 'convention',
  appliesTo: ['convention'],
  check(convention) {
    const violations: Violation[] = [];
    for (const [cheminDebut, cheminFin, quoi] of PAIRES) {
      const brutDebut = valeur(convention, cheminDebut);
      const brutFin = valeur(convention, cheminFin);
      const debut = jour(brutDebut);
      const fin = jour(brutFin);
      // Absent dates are convention-champs-obligatoires' finding; present ones must be readable.
      if (brutDebut !== undefined && debut === undefined) violations.push({ path: cheminDebut, expected: 'une date YYYY-MM-DD', received: String(brutDebut) });
      if (brutFin !== undefined && fin === undefined) violations.push({ path: cheminFin, expected: 'une date YYYY-MM-DD', received: String(brutFin) });
      if (debut !== undefined && fin !== undefined && fin < debut) {
        violations.push({ path: cheminFin, expected: `une fin ${quoi} au plus tôt le ${String(brutDebut)}`, received: String(brutFin) });
      }
    }
    return verdict(violations);
  },
  plant(valid) {
    // Training dates swapped: the contract dates, compared with the dossier by other rules, stay as they are.
    const payload = copie(valid);
    const { dateDebutFormation, dateFinFormation } = payload.formation;
    payload.formation.dateDebutFormation = dateFinFormation;
    payload.formation.dateFinFormation = dateDebutFormation;
    return { payload };
  },
});
