// The appairage of one CFA never returns another CFA's dossier, even for the same apprentice, employer and start.
import { defineRule, type Violation } from '../rule.js';
import { isObject, judgeListed, valueAt, withResponse } from './support.js';

const ID = 'serveur-isolation-appairage';

export default defineRule({
  id: ID,
  title: "L'appairage ne renvoie jamais le dossier d'un autre CFA",
  requirements: ['SRV-16', 'SRV-05'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) =>
    judgeListed(echange, ID, (e) => {
      const interdits = (valueAt(e.expected, 'absents') as string[] | undefined) ?? [];
      const body = e.response.body;
      const liste = Array.isArray(body) ? body.filter(isObject) : [];
      const vus: Violation[] = [];
      for (const d of liste) {
        const numero = valueAt(d, 'cerfa.numeroInterne') ?? d.numeroInterne;
        if (typeof numero === 'string' && interdits.includes(numero)) vus.push({ path: '[].cerfa.numeroInterne', expected: "aucun dossier d'un autre CFA", received: numero });
      }
      return vus;
    }),
  plant: (valid) => {
    const echange = withResponse(valid, ID, { status: 200, body: [{ cerfa: { numeroInterne: 'AUTRE-CFA-1', etat: 'TRANSMIS' } }] });
    echange.expected = { ...echange.expected!, absents: ['AUTRE-CFA-1'] };
    return { payload: echange };
  },
});
