// The certificat de réalisation carries the fields the API requires (Opcovia façade, research §1.11).
import { defineRule, verdict, type Violation } from '../rule.js';
import { champsManquants, copie, supprimer } from '../support/facturation.js';

const CHAMPS = ['numeroInterneDossier', 'employeur.siret', 'apprenti.nom', 'apprenti.prenom', 'organismeFormation.siret', 'echeance.numero'] as const;
const TYPES = ['Intermediaire', 'Final'];

export default defineRule<'certificat'>({
  id: 'certificat-champs-obligatoires',
  title: 'Les champs obligatoires du certificat de réalisation doivent être renseignés',
  requirements: ['CERT-01'],
  severity: 'bloquant',
  area: 'certificat',
  appliesTo: ['certificat'],
  check(certificat) {
    const violations: Violation[] = champsManquants(certificat, CHAMPS).map((path) => ({ path, expected: 'une valeur renseignée', received: 'absent' }));
    if (!TYPES.includes(certificat.typeCertificat)) {
      violations.push({ path: 'typeCertificat', expected: 'Intermediaire ou Final', received: String(certificat.typeCertificat) });
    }
    return verdict(violations);
  },
  plant(valid) {
    const payload = copie(valid);
    supprimer(payload, 'apprenti.nom');
    return { payload };
  },
});
