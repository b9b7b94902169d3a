// FAQ rejection 7: the invoice's SIRET is the one attached to the échéance being invoiced.
import { isValidSiret } from '../../identifiers/index.js';
import { defineRule, notApplicable, skip, verdict, type Violation } from '../rule.js';
import { copie, lignesConnues, normaliserSiret, premiereLigneConnue, SANS_DOSSIERS, texteRenseigne } from '../support/facturation.js';

export default defineRule<'facture'>({
  id: 'facture-siret-identique-echeance',
  title: 'Le SIRET associé à la facture est différent du SIRET de l’échéance',
  requirements: ['FACT-07'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'SIRET_DIFFERENT_ECHEANCE',
  check(facture, context) {
    if (!context.dossiers) return skip(SANS_DOSSIERS);
    const siret = facture.organismeFormation?.siret;
    // A missing or malformed SIRET is another rule's finding (siret-format, siret-luhn).
    if (!texteRenseigne(siret) || !isValidSiret(normaliserSiret(siret))) return notApplicable('SIRET de l’émetteur absent ou mal formé');
    const violations: Violation[] = [];
    for (const { echeance, chemin, ligne } of lignesConnues(facture, context)) {
      if (!echeance || !texteRenseigne(echeance.siret)) continue;
      if (normaliserSiret(echeance.siret) === normaliserSiret(siret)) continue;
      violations.push({
        path: 'organismeFormation.siret',
        expected: `${echeance.siret} (SIRET de l’échéance ${ligne.numeroEcheance})`,
        received: siret,
        message: `Le SIRET associé à la facture est différent du SIRET de l’échéance (${chemin})`,
      });
    }
    return verdict(violations);
  },
  plant(valid, context) {
    const { echeance } = premiereLigneConnue(valid, context, 'facture-siret-identique-echeance');
    const propre = normaliserSiret(echeance.siret);
    // Another CFA the OPCO knows, so that only the échéance's SIRET differs; else a new valid SIRET it then knows.
    const autre = (context.siretsConnus ?? []).map(normaliserSiret).find((s) => s !== propre && isValidSiret(s));
    const payload = copie(valid);
    if (autre) {
      payload.organismeFormation.siret = autre;
      return { payload };
    }
    let candidat = propre;
    for (let n = 1; n < 100 && (candidat === propre || !isValidSiret(candidat)); n++) {
      candidat = propre.slice(0, 9) + String((Number(propre.slice(9, 13)) + n) % 10_000).padStart(4, '0') + propre.slice(13);
      for (let d = 0; d < 10 && !isValidSiret(candidat); d++) candidat = candidat.slice(0, 13) + String(d);
    }
    payload.organismeFormation.siret = candidat;
    return { payload, context: { ...context, siretsConnus: [...(context.siretsConnus ?? []), candidat] } };
  },
});
