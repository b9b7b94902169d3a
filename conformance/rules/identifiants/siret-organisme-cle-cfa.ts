// The organisme de formation a payload names is the CFA whose API key sends it (inferred from one key per CFA).
//
// A warning, not a rejection: the norm's sources give one key per CFA and per OPCO (API-01), but no source says an
// OPCO refuses a CERFA naming another organisme — a CFA with several establishments may name another of its SIRETs.
// What it does catch is software sending one CFA's files with another CFA's key. Invoices are left out: their SIRET
// must be the échéance's (facture-siret-identique-echeance, blocking), one defect, one report.
import { isValidSiret } from '../../identifiers/index.js';
import { defineRule, fail, notApplicable, pass, skip } from '../rule.js';
import { normaliserSiret } from '../support/facturation.js';

/** Valid SIRETs, one of which differs from any given SIRET: the CFA of another key, for the plant. */
const AUTRES_CFA = ['85300000800005', '42100000100006'];

export default defineRule({
  id: 'siret-organisme-cle-cfa',
  title: 'L’organisme de formation devrait être le CFA titulaire de la clé d’API',
  requirements: ['ID-27'],
  severity: 'avertissement',
  area: 'identifiants',
  appliesTo: ['cerfa', 'convention', 'certificat'],
  check(payload, context) {
    if (typeof context.siretCfa !== 'string' || context.siretCfa.trim() === '') {
      return skip('contexte requis : le SIRET du CFA titulaire de la clé (context.siretCfa, texte)');
    }
    const raw = (payload as { organismeFormation?: { siret?: unknown } }).organismeFormation?.siret;
    const siret = typeof raw === 'string' ? normaliserSiret(raw) : '';
    // A missing or malformed SIRET is the field and identifier rules' finding: one defect, one report.
    if (!isValidSiret(siret)) return notApplicable('SIRET de l’organisme de formation absent ou mal formé (voir siret-format, siret-luhn)');
    const siretCfa = normaliserSiret(context.siretCfa);
    if (siret === siretCfa) return pass();
    return fail({
      path: 'organismeFormation.siret',
      expected: `le SIRET du CFA titulaire de la clé (${siretCfa})`,
      received: siret,
      message: 'Le SIRET de l’organisme de formation n’est pas celui du CFA dont la clé d’API a servi à l’envoi',
    });
  },
  plant(valid, context) {
    // The same payload, sent with the key of another CFA.
    const raw = (valid as { organismeFormation?: { siret?: unknown } }).organismeFormation?.siret;
    const siret = typeof raw === 'string' ? normaliserSiret(raw) : '';
    return { payload: valid, context: { ...context, siretCfa: AUTRES_CFA.find((s) => s !== siret) } };
  },
});
