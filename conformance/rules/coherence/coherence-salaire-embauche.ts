// The hiring salary equals the gross pay of the first remuneration line (1 € tolerance).
import { defineRule, fail, pass, skip } from '../rule.js';
import { smicEnVigueur, smicTable, MAYOTTE } from '../../remuneration/smic.js';
import { departementEmployeur, salaireBrut } from '../../remuneration/lignes.js';
import type { Cerfa, RemunerationAnnuelle } from '../../model/payloads.js';
import { factsOf, lignesLues } from '../support/facts.js';
import { copie } from '../support/plant.js';

const TOLERANCE = 1;

/** The line that starts first (the payload's order is not trusted). */
function premiereLigne(cerfa: Cerfa): RemunerationAnnuelle | undefined {
  const lignes = cerfa.contrat?.remunerationsAnnuelles;
  if (!Array.isArray(lignes)) return undefined;
  const lues = lignesLues(lignes, cerfa);
  let first: RemunerationAnnuelle | undefined;
  let firstDate = Infinity;
  for (let i = 0; i < lignes.length; i++) {
    const d = lues[i]?.debut ?? Infinity;
    if (first === undefined || d < firstDate) {
      first = lignes[i];
      firstDate = d;
    }
  }
  return first;
}

/** The first line's gross pay: as given, else its rate applied to the SMIC at the start (or to the SMC it names). */
function salaireReference(cerfa: Cerfa): number | undefined {
  const ligne = premiereLigne(cerfa);
  if (!ligne) return undefined;
  if (typeof ligne.salaireBrut === 'number') return ligne.salaireBrut;
  if (typeof ligne.taux !== 'number') return undefined;
  if (ligne.typeSalaire === 'SMC' && typeof cerfa.contrat.smc === 'number') return salaireBrut(cerfa.contrat.smc, ligne.taux);
  const { debutContrat } = factsOf(cerfa);
  if (debutContrat === undefined) return undefined;
  const departement = departementEmployeur(cerfa) === MAYOTTE ? MAYOTTE : undefined;
  const smic = smicEnVigueur(smicTable(), debutContrat, departement);
  return smic ? salaireBrut(smic.mensuel, ligne.taux) : undefined;
}

export default defineRule<'cerfa'>({
  id: 'coherence-salaire-embauche',
  title: "Le salaire brut à l'embauche doit correspondre au salaire de la première période de rémunération",
  requirements: ['COH-27', 'REM-06'],
  severity: 'avertissement',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const salaire = cerfa.contrat?.salaireEmbauche;
    if (typeof salaire !== 'number') return skip("salaire à l'embauche non renseigné");
    const reference = salaireReference(cerfa);
    if (reference === undefined) return skip('salaire de la première période indéterminable');
    if (Math.abs(salaire - reference) <= TOLERANCE) return pass();
    return fail({
      path: 'contrat.salaireEmbauche',
      expected: `${reference.toFixed(2)} € (première période de rémunération, à ${TOLERANCE} € près)`,
      received: `${salaire.toFixed(2)} €`,
    });
  },
  plant(valid) {
    const cerfa = copie(valid);
    cerfa.contrat.salaireEmbauche = (salaireReference(cerfa) ?? cerfa.contrat.salaireEmbauche) + 5;
    return { payload: cerfa };
  },
});
