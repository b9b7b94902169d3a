// The remuneration lines cover the contract from its first day to its last, each line starting the day after the previous one ends.
import { defineRule, skip, verdict, type Violation } from '../rule.js';
import { addDays, type Ymd } from '../../remuneration/calendar.js';
import { factsOf, lignesLues, type LigneLue } from '../support/facts.js';
import { copie, date, iso } from '../support/plant.js';

interface Ligne {
  index: number;
  debut: Ymd;
  fin: Ymd;
}

export default defineRule<'cerfa'>({
  id: 'coherence-remuneration-continuite',
  title: "Les périodes de rémunération doivent couvrir le contrat de son début à sa fin, sans interruption ni chevauchement",
  requirements: ['COH-25', 'COH-36'],
  severity: 'bloquant',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const lignes = cerfa.contrat?.remunerationsAnnuelles;
    if (!Array.isArray(lignes) || lignes.length === 0) return skip('aucune ligne de rémunération');
    const { debutContrat, finContrat } = factsOf(cerfa);
    if (debutContrat === undefined) return skip('date de début de contrat illisible');
    const lues = lignesLues(lignes, cerfa);
    const violations: Violation[] = [];
    const ordonnees: Ligne[] = [];
    let triees = true;
    for (let index = 0; index < lues.length; index++) {
      const { debut, fin } = lues[index] as LigneLue;
      if (debut === undefined || fin === undefined) {
        const champ = debut === undefined ? 'dateDebut' : 'dateFin';
        violations.push({ path: `contrat.remunerationsAnnuelles[${index}].${champ}`, expected: 'une date AAAA-MM-JJ', received: String(lignes[index]?.[champ]) });
      } else if (fin < debut) {
        violations.push({ path: `contrat.remunerationsAnnuelles[${index}].dateFin`, expected: `au plus tôt le ${iso(debut)}`, received: iso(fin), message: 'La période de rémunération se termine avant de commencer' });
      } else {
        const previous = ordonnees[ordonnees.length - 1];
        if (previous && previous.debut > debut) triees = false;
        ordonnees.push({ index, debut, fin });
      }
    }
    if (violations.length > 0) return verdict(violations);
    if (!triees) ordonnees.sort((a, b) => a.debut - b.debut);
    const premiere = ordonnees[0];
    if (premiere && premiere.debut !== debutContrat) {
      violations.push({
        path: `contrat.remunerationsAnnuelles[${premiere.index}].dateDebut`,
        expected: `${iso(debutContrat)} (début d'exécution du contrat)`,
        received: iso(premiere.debut),
        message: "La première période de rémunération doit commencer à la date de début d'exécution du contrat",
      });
    }
    for (let i = 1; i < ordonnees.length; i++) {
      const precedente = ordonnees[i - 1] as Ligne;
      const ligne = ordonnees[i] as Ligne;
      const attendu = addDays(precedente.fin, 1);
      if (ligne.debut !== attendu) {
        violations.push({
          path: `contrat.remunerationsAnnuelles[${ligne.index}].dateDebut`,
          expected: `${iso(attendu)} (lendemain de la période précédente)`,
          received: iso(ligne.debut),
          message: ligne.debut > attendu ? 'Interruption entre deux périodes de rémunération' : 'Chevauchement de deux périodes de rémunération',
        });
      }
    }
    // The end: judged only on a readable contract in order (coherence-fin-contrat-apres-debut reports the rest).
    const derniere = ordonnees[ordonnees.length - 1];
    if (derniere && finContrat !== undefined && finContrat > debutContrat && derniere.fin !== finContrat) {
      violations.push({
        path: `contrat.remunerationsAnnuelles[${derniere.index}].dateFin`,
        expected: `${iso(finContrat)} (fin du contrat)`,
        received: iso(derniere.fin),
        message:
          derniere.fin < finContrat
            ? "Les périodes de rémunération ne couvrent pas le contrat jusqu'à sa fin"
            : 'La dernière période de rémunération dépasse la fin du contrat',
      });
    }
    return verdict(violations);
  },
  plant(valid) {
    const cerfa = copie(valid);
    const lignes = cerfa.contrat.remunerationsAnnuelles;
    const [premiere, seconde] = lignes;
    if (premiere && seconde && addDays(date(premiere.dateFin, 'dateFin'), 2) <= date(seconde.dateFin, 'dateFin')) {
      seconde.dateDebut = iso(addDays(date(premiere.dateFin, 'dateFin'), 2));
    } else if (premiere) {
      premiere.dateDebut = iso(addDays(date(cerfa.contrat.dateDebutContrat, 'contrat.dateDebutContrat'), 1));
    }
    return { payload: cerfa };
  },
});
