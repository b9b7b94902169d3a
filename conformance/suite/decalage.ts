// A generated contract moved by whole years to be sent around a real server's today (issue 18 §4): every date moves,
// and what is derived from dates follows — the NIR's year of birth and its key, the pay on the SMIC then in force.
import { nirKey } from '../identifiers/index.js';
import type { Cerfa } from '../model/payloads.js';
import { departementEmployeur, salaireBrut } from '../remuneration/lignes.js';
import { MAYOTTE, smicEnVigueur, smicTable } from '../remuneration/smic.js';

/** Shifts every ISO date of a payload by whole years (29 February becomes the 28th). */
export function shiftYears<T>(value: T, years: number): T {
  if (years === 0) return value;
  const text = JSON.stringify(value).replace(/"(\d{4})-(\d{2})-(\d{2})/g, (_m, y: string, m: string, d: string) => {
    const day = m === '02' && d === '29' ? '28' : d;
    return `"${String(Number(y) + years).padStart(4, '0')}-${m}-${day}`;
  });
  return JSON.parse(text) as T;
}

/** The apprentice born `years` later: the NIR's year of birth (2nd and 3rd digits) and its key follow (ID-09, N2). */
function nirDecale(cerfa: Cerfa, years: number): Cerfa {
  const nir = cerfa.apprenti?.nir;
  if (typeof nir !== 'string' || (nir.length !== 13 && nir.length !== 15) || !/^[12][0-9]{2}/.test(nir)) return cerfa;
  const annee = (((Number(nir.slice(1, 3)) + years) % 100) + 100) % 100;
  const corps = `${nir[0]}${String(annee).padStart(2, '0')}${nir.slice(3, 13)}`;
  return { ...cerfa, apprenti: { ...cerfa.apprenti, nir: nir.length === 15 ? `${corps}${nirKey(corps)}` : corps } };
}

/**
 * The pay of a moved contract on the SMIC in force at its new start: each line's gross pay is its rate of the new
 * SMIC (or of the SMC, raised in the same proportion), and the hiring salary the first line's. A SMIC that did not
 * rise leaves the pay as generated (still at or above the minimum).
 */
export function salairesAuSmicEnVigueur(avant: Cerfa, apres: Cerfa): Cerfa {
  const departement = departementEmployeur(apres) === MAYOTTE ? MAYOTTE : undefined;
  const ancien = smicEnVigueur(smicTable(), avant.contrat.dateDebutContrat, departement);
  const nouveau = smicEnVigueur(smicTable(), apres.contrat.dateDebutContrat, departement);
  if (!ancien || !nouveau || nouveau.mensuel <= ancien.mensuel) return apres;
  const contrat = structuredClone(apres.contrat);
  if (typeof contrat.smc === 'number') contrat.smc = Math.ceil(contrat.smc * (nouveau.mensuel / ancien.mensuel) * 100 - 1e-6) / 100;
  for (const ligne of contrat.remunerationsAnnuelles ?? []) {
    if (typeof ligne.salaireBrut !== 'number' || typeof ligne.taux !== 'number') continue;
    const base = ligne.typeSalaire === 'SMC' && typeof contrat.smc === 'number' ? contrat.smc : nouveau.mensuel;
    ligne.salaireBrut = salaireBrut(base, ligne.taux);
  }
  const premiere = contrat.remunerationsAnnuelles?.[0]?.salaireBrut;
  if (typeof contrat.salaireEmbauche === 'number' && typeof premiere === 'number') contrat.salaireEmbauche = premiere;
  return { ...apres, contrat };
}

/** A generated CERFA moved by whole years, with its NIR and pay following its dates. */
export function cerfaDecale(cerfa: Cerfa, years: number): Cerfa {
  if (years === 0) return cerfa;
  return salairesAuSmicEnVigueur(cerfa, nirDecale(shiftYears(cerfa, years), years));
}
