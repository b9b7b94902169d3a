// A certificat embedded in an invoice attests one of its lines: same dossier, same échéance, and names this invoice.
import { defineRule, notApplicable, verdict, type Violation } from '../rule.js';
import { copie, dossierDe, lignesDe, texteRenseigne } from '../support/facturation.js';

export default defineRule<'facture'>({
  id: 'facture-certificat-coherent',
  title: 'Le certificat de réalisation joint doit correspondre à une ligne de la facture',
  requirements: ['CERT-07', 'CERT-08'],
  severity: 'bloquant',
  area: 'certificat',
  appliesTo: ['facture'],
  code: 'CERTIFICAT_INCOHERENT_FACTURE',
  check(facture) {
    const certificat = facture.certificatRealisation;
    if (!certificat) return notApplicable('pas de certificat de réalisation joint');
    const violations: Violation[] = [];
    const lignes = lignesDe(facture).filter((l) => l.numeroInterneDossier === certificat.numeroInterneDossier);
    if (lignes.length === 0) {
      violations.push({
        path: 'certificatRealisation.numeroInterneDossier',
        expected: `un dossier facturé (${lignesDe(facture).map((l) => l.numeroInterneDossier).join(', ')})`,
        received: String(certificat.numeroInterneDossier),
      });
    } else if (!lignes.some((l) => l.numeroEcheance === certificat.echeance?.numero)) {
      violations.push({
        path: 'certificatRealisation.echeance.numero',
        expected: `une échéance facturée pour ce dossier (${lignes.map((l) => l.numeroEcheance).join(', ')})`,
        received: String(certificat.echeance?.numero),
      });
    }
    if (texteRenseigne(certificat.numeroInterneFacture) && certificat.numeroInterneFacture !== facture.numeroInterneFacture) {
      violations.push({ path: 'certificatRealisation.numeroInterneFacture', expected: facture.numeroInterneFacture, received: certificat.numeroInterneFacture });
    }
    return verdict(violations);
  },
  plant(valid, context) {
    const payload = copie(valid);
    const ligne = payload.lignes[0];
    if (!ligne) throw new Error('facture-certificat-coherent: plant needs a line');
    const facturees = (dossier: string) => payload.lignes.filter((l) => l.numeroInterneDossier === dossier).map((l) => l.numeroEcheance);
    if (payload.certificatRealisation) {
      // The certificat attests an échéance this invoice does not invoice.
      const certificat = payload.certificatRealisation;
      certificat.echeance.numero = Math.max(0, ...facturees(certificat.numeroInterneDossier)) + 1;
      delete certificat.echeance.codification;
      return { payload };
    }
    // No certificat: embed one for the first line's dossier, on an échéance the invoice does not invoice.
    const cerfa = dossierDe(context, ligne.numeroInterneDossier)?.cerfa;
    payload.certificatRealisation = {
      typeCertificat: 'Intermediaire',
      numeroInterneDossier: ligne.numeroInterneDossier,
      numeroInterneFacture: payload.numeroInterneFacture,
      employeur: { siret: cerfa?.employeur.siret ?? payload.organismeFormation.siret },
      apprenti: { nom: cerfa?.apprenti.nom ?? 'APPRENTI', prenom: cerfa?.apprenti.prenom ?? 'Prénom' },
      organismeFormation: { siret: payload.organismeFormation.siret },
      echeance: { numero: Math.max(0, ...facturees(ligne.numeroInterneDossier)) + 1 },
    };
    return { payload };
  },
});
