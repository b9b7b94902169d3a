// The convention belongs to a dossier the OPCO knows and repeats its contract: same employer, CFA and contract dates.
import { isValidSiret } from '../../identifiers/index.js';
import { defineRule, fail, skip, verdict, type Violation } from '../rule.js';
import { copie, dossierDe, jour, normaliserSiret, SANS_DOSSIERS, valeur } from '../support/facturation.js';

const COMPARAISONS = [
  ['employeur.siret', 'employeur.siret'],
  ['organismeFormation.siret', 'organismeFormation.siret'],
  ['contrat.dateDebutContrat', 'contrat.dateDebutContrat'],
  ['contrat.dateFinContrat', 'contrat.dateFinContrat'],
] as const;

/** Dates compared on their day (the OPCO may answer with a time suffix), SIRETs without spaces. */
function normaliser(v: unknown): string {
  if (typeof v !== 'string') return String(v);
  return jour(v) !== undefined ? v.slice(0, 10) : normaliserSiret(v);
}

export default defineRule<'convention'>({
  id: 'convention-coherente-dossier',
  title: 'La convention doit correspondre au contrat transmis à l’OPCO',
  requirements: ['CONV-10'],
  severity: 'bloquant',
  area: 'convention',
  appliesTo: ['convention'],
  code: 'CONVENTION_INCOHERENTE_DOSSIER',
  check(convention, context) {
    if (!context.dossiers) return skip(SANS_DOSSIERS);
    const dossier = dossierDe(context, convention.numeroInterneDossier);
    if (!dossier) {
      return fail({ path: 'numeroInterneDossier', expected: 'le numéro interne d’un dossier transmis à l’OPCO', received: String(convention.numeroInterneDossier) });
    }
    const violations: Violation[] = [];
    for (const [cheminConvention, cheminCerfa] of COMPARAISONS) {
      const attendu = valeur(dossier.cerfa, cheminCerfa);
      const recu = valeur(convention, cheminConvention);
      if (recu === undefined || normaliser(attendu) === normaliser(recu)) continue;
      // A malformed SIRET is siret-format's or siret-luhn's finding.
      if (cheminConvention.endsWith('.siret') && !(typeof recu === 'string' && isValidSiret(normaliserSiret(recu)))) continue;
      violations.push({ path: cheminConvention, expected: `${String(attendu)} (dossier ${dossier.cerfa.numeroExterne})`, received: String(recu) });
    }
    return verdict(violations);
  },
  plant(valid) {
    // Another (valid) employer SIRET: same SIREN, another establishment.
    const payload = copie(valid);
    const siret = normaliserSiret(payload.employeur.siret);
    for (let n = 1; n < 10_000; n++) {
      const candidat = siret.slice(0, 9) + String((Number(siret.slice(9)) + n) % 100_000).padStart(5, '0');
      if (isValidSiret(candidat)) {
        payload.employeur.siret = candidat;
        return { payload };
      }
    }
    throw new Error('convention-coherente-dossier: no other valid SIRET found');
  },
});
