// The certificat names a dossier the OPCO knows and one of its échéances (number, and codification when given).
import { defineRule, fail, notApplicable, skip, verdict, type Violation } from '../rule.js';
import { copie, dossierDe, echeanceDe, SANS_DOSSIERS, texteRenseigne } from '../support/facturation.js';

export default defineRule<'certificat'>({
  id: 'certificat-echeance-connue',
  title: 'Le certificat doit porter sur une échéance connue du dossier',
  requirements: ['CERT-06'],
  severity: 'bloquant',
  area: 'certificat',
  appliesTo: ['certificat'],
  code: 'CERTIFICAT_ECHEANCE_INCONNUE',
  check(certificat, context) {
    if (!context.dossiers) return skip(SANS_DOSSIERS);
    const numero = certificat.echeance?.numero;
    if (!Number.isInteger(numero) || numero < 1) return notApplicable('numéro d’échéance invalide (voir certificat-numero-echeance-valide)');
    const dossier = dossierDe(context, certificat.numeroInterneDossier);
    if (!dossier) {
      return fail({ path: 'numeroInterneDossier', expected: 'le numéro interne d’un dossier transmis à l’OPCO', received: String(certificat.numeroInterneDossier) });
    }
    const echeance = echeanceDe(dossier, numero);
    if (!echeance) {
      return fail({ path: 'echeance.numero', expected: `un numéro d’échéance du dossier (${dossier.echeances.map((e) => e.numero).join(', ')})`, received: String(numero) });
    }
    const violations: Violation[] = [];
    const codification = certificat.echeance.codification;
    if (texteRenseigne(codification) && texteRenseigne(echeance.codification) && codification.trim() !== echeance.codification) {
      violations.push({ path: 'echeance.codification', expected: echeance.codification, received: codification });
    }
    return verdict(violations);
  },
  plant(valid, context) {
    const dossier = dossierDe(context, valid.numeroInterneDossier);
    const payload = copie(valid);
    payload.echeance.numero = Math.max(0, ...(dossier?.echeances.map((e) => e.numero) ?? [])) + 1;
    delete payload.echeance.codification;
    return { payload };
  },
});
