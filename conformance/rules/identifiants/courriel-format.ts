// Every e-mail address has one @ and a dotted domain, no spaces (control E1, structural part; no DNS lookup).
import { isValidCourriel, redact } from '../../identifiers/index.js';
import { defineRule, fail, pass } from '../rule.js';
import { avec, verifierTextes } from './champs.js';
import { CHAMPS_COURRIEL } from './chemins.js';

export default defineRule({
  id: 'courriel-format',
  title: 'Le courriel doit comporter « @ » et « . » pour être valide',
  requirements: ['ID-24'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const v = verifierTextes(cerfa, CHAMPS_COURRIEL, isValidCourriel, (c, r) => ({
      path: c.path,
      expected: 'adresse de la forme nom@domaine.tld, sans espace',
      received: typeof r === 'string' ? redact('courriel', r) : typeof r,
    }));
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    const courriel = valid.apprenti.courriel;
    return { payload: avec(valid, 'apprenti.courriel', courriel.slice(0, courriel.lastIndexOf('.'))) };
  },
});
