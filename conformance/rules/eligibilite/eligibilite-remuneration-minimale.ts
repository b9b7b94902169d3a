// D6222-26: every remuneration line pays at least the legal minimum rate for the apprentice's age and contract year.
import { defineRule, fail, skip, verdict, type Violation } from '../rule.js';
import { parseIsoDate } from '../../remuneration/calendar.js';
import { baseMensuelle, datesRemuneration, departementEmployeur, periodesRemunerationMinimale, salaireBrut, type PeriodeRemuneration } from '../../remuneration/lignes.js';
import { smicEnVigueur, smicTable, MAYOTTE } from '../../remuneration/smic.js';
import type { Cerfa } from '../../model/payloads.js';
import { factsOf, naissanceApprentiFuture, SKIP_NAISSANCE_FUTURE } from '../coherence/support/facts.js';
import { copie } from '../coherence/support/plant.js';

/** Pay may differ from the computed minimum by rounding; one euro is the tolerance. */
const TOLERANCE_EUROS = 1;

/** The most demanding legal period overlapping [debut, fin]. */
function exigence(periodes: readonly PeriodeRemuneration[], debut: number, fin: number): PeriodeRemuneration | undefined {
  let pire: PeriodeRemuneration | undefined;
  for (const p of periodes) {
    if (p.dateFin < debut || p.dateDebut > fin) continue;
    if (!pire || p.tauxMinimal > pire.tauxMinimal || (p.tauxMinimal === pire.tauxMinimal && p.age > pire.age)) pire = p;
  }
  return pire;
}

function smicDuContrat(cerfa: Cerfa, debutContrat: number) {
  return smicEnVigueur(smicTable(), debutContrat, departementEmployeur(cerfa) === MAYOTTE ? MAYOTTE : undefined);
}

export default defineRule<'cerfa'>({
  id: 'eligibilite-remuneration-minimale',
  title: "La rémunération de l'apprenti doit être au moins égale au minimum légal pour son âge et l'année du contrat",
  requirements: ['REM-01', 'REM-02', 'REM-03', 'REM-04', 'REM-05', 'REM-07', 'REM-08', 'ELIG-22'],
  severity: 'bloquant',
  area: 'eligibilite',
  appliesTo: ['cerfa'],
  check(cerfa, context) {
    const facts = factsOf(cerfa);
    if (naissanceApprentiFuture(facts, context)) return skip(SKIP_NAISSANCE_FUTURE);
    const dates = datesRemuneration(cerfa);
    if (!dates) return skip('date de naissance, de conclusion, de début ou de fin de contrat illisible');
    const lignes = cerfa.contrat.remunerationsAnnuelles;
    if (!Array.isArray(lignes) || lignes.length === 0) {
      return fail({ path: 'contrat.remunerationsAnnuelles', expected: 'au moins une période de rémunération', received: 'aucune' });
    }
    const periodes = periodesRemunerationMinimale(dates);
    const smic = smicDuContrat(cerfa, dates.debutContrat);
    const violations: Violation[] = [];
    lignes.forEach((ligne, i) => {
      const debut = parseIsoDate(ligne?.dateDebut);
      const fin = parseIsoDate(ligne?.dateFin);
      // Unreadable or inverted periods are coherence-remuneration-continuite's findings.
      if (debut === undefined || fin === undefined || fin < debut) return;
      const p = exigence(periodes, debut, fin);
      if (!p) return;
      const path = `contrat.remunerationsAnnuelles[${i}]`;
      const contexte = `âge retenu ${p.age} ans, année ${p.anneeContrat} du contrat`;
      if (typeof ligne.taux !== 'number' || ligne.taux < p.tauxMinimal - 1e-9) {
        violations.push({ path: `${path}.taux`, expected: `au moins ${p.tauxMinimal} % (${contexte})`, received: `${ligne.taux} %` });
        return;
      }
      const { base, typeSalaire } = baseMensuelle(p.age, smic, cerfa.contrat.smc);
      if (typeof ligne.salaireBrut === 'number' && base !== undefined) {
        const minimum = salaireBrut(base, p.tauxMinimal);
        if (ligne.salaireBrut < minimum - TOLERANCE_EUROS) {
          violations.push({
            path: `${path}.salaireBrut`,
            expected: `au moins ${minimum.toFixed(2)} € (${p.tauxMinimal} % du ${typeSalaire} de ${base.toFixed(2)} €, ${contexte})`,
            received: `${ligne.salaireBrut.toFixed(2)} €`,
          });
        }
      }
    });
    return verdict(violations);
  },
  plant(valid) {
    const cerfa = copie(valid);
    const dates = datesRemuneration(cerfa);
    const ligne = cerfa.contrat.remunerationsAnnuelles[0];
    if (!dates || !ligne) throw new Error('plant: the valid payload has no remuneration line');
    const debut = parseIsoDate(ligne.dateDebut) ?? dates.debutContrat;
    const fin = parseIsoDate(ligne.dateFin) ?? debut;
    const p = exigence(periodesRemunerationMinimale(dates), debut, fin);
    if (!p) throw new Error('plant: the first remuneration line lies outside the contract');
    ligne.taux = p.tauxMinimal - 1;
    ligne.tauxMinimal = p.tauxMinimal;
    // Keep pay and hiring salary consistent with the lowered rate: only the minimum is broken.
    const { base } = baseMensuelle(p.age, smicDuContrat(cerfa, dates.debutContrat), cerfa.contrat.smc);
    if (base !== undefined) {
      ligne.salaireBrut = salaireBrut(base, ligne.taux);
      cerfa.contrat.salaireEmbauche = ligne.salaireBrut;
    }
    return { payload: cerfa };
  },
});
