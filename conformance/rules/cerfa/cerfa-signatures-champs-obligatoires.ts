// The signature block: place of signature and the employer's two attestations (norme.md §3.1).
import { defineRule } from '../rule.js';
import { avec, requis, resultat } from '../identifiants/champs.js';

export default defineRule({
  id: 'cerfa-signatures-champs-obligatoires',
  title: 'Le lieu de signature et les attestations de l’employeur doivent être renseignés',
  requirements: ['CERFA-02', 'CERFA-14'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const s = cerfa.signatures;
    let v = requis(undefined, s?.attestationPiecesJustificatives, 'signatures.attestationPiecesJustificatives');
    v = requis(v, s?.attestationEligibiliteMaitre, 'signatures.attestationEligibiliteMaitre');
    return resultat(requis(v, s?.lieu, 'signatures.lieu'));
  },
  plant(valid) {
    return { payload: avec(valid, 'signatures.lieu', '') };
  },
});
