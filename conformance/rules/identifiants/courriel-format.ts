// Every e-mail address has one @ and a dotted domain, no spaces (control E1, structural part; no DNS lookup).
import { isValidCourriel, redact } from '../../identifiers/index.js';
import { defineRule, type Violation } from '../rule.js';
import { avec, controle, resultat } from '../support/champs.js';

const decrire = (path: string, r: unknown): Violation => ({
  path,
  expected: 'adresse de la forme nom@domaine.tld, sans espace',
  received: typeof r === 'string' ? redact('courriel', r) : typeof r,
});

export default defineRule({
  id: 'courriel-format',
  title: 'Le courriel doit comporter « @ » et « . » pour être valide',
  requirements: ['ID-24'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    let v = controle(undefined, cerfa.employeur?.courriel, 'employeur.courriel', isValidCourriel, decrire);
    v = controle(v, cerfa.apprenti?.courriel, 'apprenti.courriel', isValidCourriel, decrire);
    v = controle(v, cerfa.apprenti?.responsableLegal?.courriel, 'apprenti.responsableLegal.courriel', isValidCourriel, decrire);
    v = controle(v, cerfa.maitre1?.courriel, 'maitre1.courriel', isValidCourriel, decrire);
    return resultat(controle(v, cerfa.maitre2?.courriel, 'maitre2.courriel', isValidCourriel, decrire));
  },
  plant(valid) {
    const courriel = valid.apprenti.courriel;
    return { payload: avec(valid, 'apprenti.courriel', courriel.slice(0, courriel.lastIndexOf('.'))) };
  },
});
