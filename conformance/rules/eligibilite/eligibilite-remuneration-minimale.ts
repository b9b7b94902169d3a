// D6222-26: every remuneration line pays at least the legal minimum rate for the apprentice's age and contract year.
import { defineRule, fail, skip, verdict, type Violation } from '../rule.js';
import { parseIsoDate } from '../../remuneration/calendar.js';
import { baseMensuelle, datesRemuneration, employeurAMayotte, periodesRemunerationMinimale, salaireBrut, type PeriodeRemuneration } from '../../remuneration/lignes.js';
import { smicEnVigueur, smicTable, MAYOTTE, type SmicEntry } from '../../remuneration/smic.js';
import type { Cerfa } from '../../model/payloads.js';
import { factsOf, lignesLues, memo, naissanceApprentiFuture, SKIP_NAISSANCE_FUTURE, type CerfaFacts } from '../support/facts.js';
import { copie } from '../support/plant.js';

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

/** The legal periods, computed once per payload: they depend only on the four dates in the facts. */
function periodesDe(facts: CerfaFacts): PeriodeRemuneration[] | undefined {
  return memo(facts, 'periodes-remuneration', ({ naissance, debutContrat, finContrat, conclusion }) =>
    naissance === undefined || debutContrat === undefined || finContrat === undefined || conclusion === undefined
      ? undefined
      : periodesRemunerationMinimale({ naissance, debutContrat, finContrat, conclusion }),
  );
}

const smics = new Map<number, SmicEntry | undefined>();

/** The SMIC at the contract's start, national or Mayotte's, looked up once per (date, territory). */
function smicDuContrat(cerfa: Cerfa, debutContrat: number): SmicEntry | undefined {
  const mayotte = employeurAMayotte(cerfa);
  const key = debutContrat * 2 + (mayotte ? 1 : 0);
  if (smics.has(key)) return smics.get(key);
  const smic = smicEnVigueur(smicTable(), debutContrat, mayotte ? MAYOTTE : undefined);
  if (smics.size > 10_000) smics.clear();
  smics.set(key, smic);
  return smic;
}

export default defineRule<'cerfa'>({
  id: 'eligibilite-remuneration-minimale',
  title: "La rémunération de l'apprenti doit être au moins égale au minimum légal pour son âge et l'année du contrat",
  requirements: ['REM-01', 'REM-02', 'REM-03', 'REM-04', 'REM-05', 'REM-06', 'REM-07', 'REM-08', 'ELIG-22'],
  severity: 'bloquant',
  area: 'eligibilite',
  appliesTo: ['cerfa'],
  check(cerfa, context) {
    const facts = factsOf(cerfa);
    if (naissanceApprentiFuture(facts, context)) return skip(SKIP_NAISSANCE_FUTURE);
    const periodes = periodesDe(facts);
    if (!periodes || facts.debutContrat === undefined) return skip('date de naissance, de conclusion, de début ou de fin de contrat illisible');
    const lignes = cerfa.contrat.remunerationsAnnuelles;
    if (!Array.isArray(lignes) || lignes.length === 0) {
      return fail({ path: 'contrat.remunerationsAnnuelles', expected: 'au moins une période de rémunération', received: 'aucune' });
    }
    const smic = smicDuContrat(cerfa, facts.debutContrat);
    const violations: Violation[] = [];
    const lues = lignesLues(lignes, cerfa);
    for (let i = 0; i < lignes.length; i++) {
      const ligne = lignes[i];
      const debut = lues[i]?.debut;
      const fin = lues[i]?.fin;
      // Unreadable or inverted periods are coherence-remuneration-continuite's findings.
      if (!ligne || debut === undefined || fin === undefined || fin < debut) continue;
      const p = exigence(periodes, debut, fin);
      if (!p) continue;
      const contexte = () => `âge retenu ${p.age} ans, année ${p.anneeContrat} du contrat`;
      if (typeof ligne.taux !== 'number' || ligne.taux < p.tauxMinimal - 1e-9) {
        violations.push({ path: `contrat.remunerationsAnnuelles[${i}].taux`, expected: `au moins ${p.tauxMinimal} % (${contexte()})`, received: `${ligne.taux} %` });
        continue;
      }
      const { base, typeSalaire } = baseMensuelle(p.age, smic, cerfa.contrat.smc);
      if (typeof ligne.salaireBrut === 'number' && base !== undefined) {
        const minimum = salaireBrut(base, p.tauxMinimal);
        if (ligne.salaireBrut < minimum - TOLERANCE_EUROS) {
          violations.push({
            path: `contrat.remunerationsAnnuelles[${i}].salaireBrut`,
            expected: `au moins ${minimum.toFixed(2)} € (${p.tauxMinimal} % du ${typeSalaire} de ${base.toFixed(2)} €, ${contexte()})`,
            received: `${ligne.salaireBrut.toFixed(2)} €`,
          });
        }
      }
    }
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
