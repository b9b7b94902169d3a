// Each line invoices a dossier the OPCO knows for this CFA (by the CFA's numéro interne).
import { defineRule, skip, verdict, type Violation } from '../rule.js';
import { copie, lignesConnues, SANS_DOSSIERS } from '../support/facturation.js';

export default defineRule<'facture'>({
  id: 'facture-dossier-connu',
  title: 'Le dossier facturé est inconnu de l’OPCO',
  requirements: ['FACT-21'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'DOSSIER_INCONNU',
  check(facture, context) {
    if (!context.dossiers) return skip(SANS_DOSSIERS);
    const violations: Violation[] = [];
    for (const { ligne, dossier, chemin } of lignesConnues(facture, context)) {
      if (dossier) continue;
      violations.push({ path: `${chemin}.numeroInterneDossier`, expected: 'le numéro interne d’un dossier transmis à l’OPCO', received: String(ligne.numeroInterneDossier) });
    }
    return verdict(violations);
  },
  plant(valid) {
    const payload = copie(valid);
    const ligne = payload.lignes[0];
    if (!ligne) throw new Error('facture-dossier-connu: plant needs a line');
    const avant = ligne.numeroInterneDossier;
    ligne.numeroInterneDossier = `${avant}-INCONNU`;
    // The embedded certificat follows its line.
    if (payload.certificatRealisation?.numeroInterneDossier === avant) payload.certificatRealisation.numeroInterneDossier = ligne.numeroInterneDossier;
    return { payload };
  },
});
