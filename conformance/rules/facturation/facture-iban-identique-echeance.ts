// FAQ rejection 2: the emitter's IBAN must be the one the OPCO holds on the échéance being invoiced.
import { ibanCheckDigits, isValidIban, redact } from '../../identifiers/index.js';
import { defineRule, fail, notApplicable, pass, skip, type Violation } from '../rule.js';
import { copie, lignesConnues, normaliserIban, premiereLigneConnue, SANS_DOSSIERS, texteRenseigne } from '../support/facturation.js';

export default defineRule<'facture'>({
  id: 'facture-iban-identique-echeance',
  title: 'L’IBAN de l’émetteur est différent de celui connu dans l’échéance',
  requirements: ['FACT-02'],
  severity: 'bloquant',
  area: 'facturation',
  appliesTo: ['facture'],
  code: 'IBAN_DIFFERENT_ECHEANCE',
  check(facture, context) {
    if (!context.dossiers) return skip(SANS_DOSSIERS);
    const iban = facture.organismeFormation?.IBAN;
    // A missing IBAN is its own rejection (facture-iban-emetteur-renseigne), a malformed one iban-valide's.
    if (!texteRenseigne(iban) || !isValidIban(normaliserIban(iban))) return notApplicable('IBAN de l’émetteur absent ou mal formé');
    const violations: Violation[] = [];
    for (const { echeance, dossier, ligne, chemin } of lignesConnues(facture, context)) {
      const attendu = texteRenseigne(echeance?.iban) ? echeance?.iban : dossier?.detailsFacturation?.iban;
      if (!echeance || !texteRenseigne(attendu)) continue;
      if (normaliserIban(attendu) === normaliserIban(iban)) continue;
      violations.push({
        path: 'organismeFormation.IBAN',
        expected: `l’IBAN de l’échéance ${ligne.numeroEcheance} du dossier (${redact('iban', attendu)})`,
        received: redact('iban', iban),
        message: `L’IBAN de l’émetteur est différent de celui connu dans l’échéance (${chemin})`,
      });
    }
    return violations.length === 0 ? pass() : fail(...violations);
  },
  plant(valid, context) {
    const { echeance } = premiereLigneConnue(valid, context, 'facture-iban-identique-echeance');
    const iban = normaliserIban(echeance.iban);
    // Another account of the same bank (one BBAN digit changed), with its check digits recomputed: still a valid IBAN.
    const bban = iban.slice(4);
    const last = bban.charCodeAt(bban.length - 1);
    const autreBban = bban.slice(0, -1) + (last >= 48 && last <= 57 ? String((last - 48 + 1) % 10) : '0');
    const payload = copie(valid);
    payload.organismeFormation.IBAN = iban.slice(0, 2) + ibanCheckDigits(iban.slice(0, 2), autreBban) + autreBban;
    return { payload };
  },
});
