// Every NIR is 13 or 15 characters, starts with 1 or 2, month and département well formed (controls N3; norme.md §3.4).
import { parseNir, redact } from '../../identifiers/index.js';
import { defineRule, fail, pass } from '../rule.js';
import { avec, cible, texte, verifierTextes } from './champs.js';
import { CHAMPS_NIR } from './chemins.js';

const bienForme = (s: string): boolean => parseNir(s) !== null;

export default defineRule({
  id: 'nir-format',
  title: 'Le NIR doit comporter 13 ou 15 caractères et commencer par 1 ou 2',
  requirements: ['ID-07'],
  severity: 'bloquant',
  area: 'identifiants',
  appliesTo: ['cerfa'],
  check(payload) {
    const v = verifierTextes(payload, CHAMPS_NIR, bienForme, (c, r) => ({
      path: c.path,
      expected: 'NIR de 13 caractères (15 avec la clé), sans espace, commençant par 1 ou 2',
      received: typeof r === 'string' ? `${redact('nir', r)} (${r.length} caractères)` : typeof r,
    }));
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    const c = cible('nir-format', valid, CHAMPS_NIR);
    // A leading 3 is a well-known NIR mistake (N3) and keeps the length, so only the format fails.
    return { payload: avec(valid, c.path, `3${texte(valid, c).slice(1)}`) };
  },
});
