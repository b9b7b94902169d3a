// What the broken variants do instead, where it takes more than a one-line condition at the hook.
import type { EcheancePlan } from '../store/types.js';

const cents = (n: number): number => Math.round(n * 100);
const euros = (c: number): number => c / 100;

/**
 * `echeancier-cinquante-cinquante`: each contract year's amounts (pédagogique and RQTH separately) are split 50/50
 * over its first two échéances, the later ones of the year get 0. Yearly and total amounts are unchanged, so only
 * the repartition is wrong. A year with a single échéance is left as it is.
 */
export function cinquanteCinquante(plan: readonly EcheancePlan[]): EcheancePlan[] {
  const years = new Map<string, EcheancePlan[]>();
  for (const e of plan) {
    const key = e.dateDebut ?? e.dateOuverture;
    years.set(key, [...(years.get(key) ?? []), e]);
  }
  const out = new Map<number, EcheancePlan>();
  for (const year of years.values()) {
    if (year.length < 2) {
      for (const e of year) out.set(e.numero, { ...e });
      continue;
    }
    const split = (field: 'montantPedagogique' | 'montantMajorationRQTH'): number[] => {
      const total = year.reduce((sum, e) => sum + cents(e[field]), 0);
      const half = Math.floor(total / 2);
      return year.map((_, i) => (i === 0 ? half : i === 1 ? total - half : 0));
    };
    const pedagogique = split('montantPedagogique');
    const rqth = split('montantMajorationRQTH');
    year.forEach((e, i) => {
      const p = pedagogique[i] ?? 0;
      const r = rqth[i] ?? 0;
      out.set(e.numero, { ...e, montantPedagogique: euros(p), montantMajorationRQTH: euros(r), montantTotal: euros(p + r) });
    });
  }
  return plan.map((e) => out.get(e.numero) ?? e);
}

/**
 * `rupture-annee-entiere`: after a rupture on `dateRupture`, the échéances of the years begun by then are kept whole
 * (the rupture year is not prorated) and those of later years are dropped.
 */
export function anneeEntiere(avant: readonly EcheancePlan[], dateRupture: string): EcheancePlan[] {
  return avant.filter((e) => (e.dateDebut ?? e.dateOuverture).slice(0, 10) <= dateRupture).map((e) => ({ ...e }));
}

/** `deca-format-invalide`: a number an OPCO might invent, not the norm's 15-character DECA number. */
export function numeroDecaInvalide(sequence: number): string {
  return `DECA-${String(sequence).padStart(6, '0')}`;
}

/** `montant-regle-fige`: the payment date written on the échéance's allocation, never reached on any clock. */
export const JAMAIS = '9999-12-31T00:00:00.000Z';

/** `reglement-immediat`: the payment date written on the échéance's allocation, reached on every clock. */
export const DEJA = '1970-01-01T00:00:00.000Z';

/** Body limit of the conformant mock (the bundled spec documents 15 MB; the mock answers 413 above 10 MiB). */
export const BODY_LIMIT = 10 * 1024 * 1024;
/** `corps-volumineux-accepte`: a limit no test body reaches. */
export const BODY_LIMIT_BROKEN = 1024 * 1024 * 1024;
