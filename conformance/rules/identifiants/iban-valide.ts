// The emitting CFA's IBAN on an invoice is a valid ISO 13616 IBAN (mod 97 = 1, 27 characters for France).
import { isValidIban, redact } from '../../identifiers/index.js';
import { defineRule, type Violation } from '../rule.js';
import { avec, champs, cible, controle, resultat, texte } from '../support/champs.js';
import type { PayloadLache } from './chemins.js';

const CHAMPS_IBAN = champs('organismeFormation.IBAN');

const decrire = (path: string, r: unknown): Violation => ({
  path,
  expected: 'IBAN ISO 13616 (clé modulo 97 juste, 27 caractères pour la France)',
  received: typeof r === 'string' ? redact('iban', r) : typeof r,
  message: 'L’IBAN de l’émetteur n’est pas valide',
});

export default defineRule({
  id: 'iban-valide',
  title: 'L’IBAN de l’émetteur doit être un IBAN valide',
  requirements: ['ID-13'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['facture'],
  check(facture) {
    return resultat(controle(undefined, (facture as PayloadLache).organismeFormation?.IBAN, 'organismeFormation.IBAN', isValidIban, decrire));
  },
  plant(valid) {
    const c = cible('iban-valide', valid, CHAMPS_IBAN);
    const iban = texte(valid, c);
    const last = iban.charCodeAt(iban.length - 1);
    // Changing one digit of the BBAN always changes the remainder mod 97.
    const autre = last >= 48 && last <= 57 ? String.fromCharCode(48 + ((last - 48 + 1) % 10)) : '0';
    return { payload: avec(valid, c.path, iban.slice(0, -1) + autre) };
  },
});
