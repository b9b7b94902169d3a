// Public API of the legal minimum remuneration: rates, SMIC table, minimum lines and the calendar they rest on.
export { tauxMinimal, trancheAge, grilleApplicable, DEBUT_GRILLE_2019, SEUILS_AGE, type Grille } from './taux.js';
export { smicTable, parseSmicTable, smicEnVigueur, MAYOTTE, type SmicEntry, type SmicTable } from './smic.js';
export {
  lignesRemunerationMinimale,
  periodesRemunerationMinimale,
  datesRemuneration,
  ageRetenu,
  salaireBrut,
  baseMensuelle,
  departementEmployeur,
  type LigneRemunerationMinimale,
  type PeriodeRemuneration,
  type DatesRemuneration,
} from './lignes.js';
export * as calendar from './calendar.js';
