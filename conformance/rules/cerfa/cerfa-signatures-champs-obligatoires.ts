// The signature block: place of signature and the employer's two attestations (norme.md §3.1).
import { defineRule, fail, pass } from '../rule.js';
import { avec, champs } from '../identifiants/champs.js';
import { manquants } from './verifications.js';

const REQUIS = champs('signatures.attestationPiecesJustificatives', 'signatures.attestationEligibiliteMaitre', 'signatures.lieu');

export default defineRule({
  id: 'cerfa-signatures-champs-obligatoires',
  title: 'Le lieu de signature et les attestations de l’employeur doivent être renseignés',
  requirements: ['CERFA-02', 'CERFA-14'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const v = manquants(cerfa, REQUIS);
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    return { payload: avec(valid, 'signatures.lieu', '') };
  },
});
