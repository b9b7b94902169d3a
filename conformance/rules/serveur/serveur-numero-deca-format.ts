// The DECA number read back has the ministry's format: département, year, month, NC or two digits, sequence.
import { defineRule, notApplicable, pass, fail } from '../rule.js';
import { isValidNumeroDeca } from '../../identifiers/index.js';
import { copie, valueAt } from './support.js';

export default defineRule({
  id: 'serveur-numero-deca-format',
  title: 'Le numéro DECA lu dans le dossier respecte le format DECA (département, année, mois, NC, séquence)',
  requirements: ['CDV-17'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check(echange) {
    const deca = valueAt(echange.response.body, 'cerfa.numeroDeca');
    if (typeof deca !== 'string' || deca === '') return notApplicable('aucun numéro DECA dans cette réponse');
    return isValidNumeroDeca(deca) ? pass() : fail({ path: 'cerfa.numeroDeca', expected: 'format DECA, ex. 075202601NC0001', received: deca });
  },
  plant(valid) {
    const echange = copie(valid);
    const body = (echange.response.body ?? {}) as { cerfa?: Record<string, unknown> };
    echange.response.body = { ...body, cerfa: { ...(body.cerfa ?? {}), numeroDeca: 'DECA-12' } };
    return { payload: echange };
  },
});
