// A CFA's listings never show another CFA's dossiers.
import { defineRule, type Violation } from '../rule.js';
import { judgeListed, valueAt, withResponse } from './support.js';

export default defineRule({
  id: 'serveur-isolation-etats',
  title: "La liste des états d'un CFA ne montre jamais les dossiers d'un autre CFA",
  requirements: ['SRV-05'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) =>
    judgeListed(echange, 'serveur-isolation-etats', (e) => {
      const interdits = (valueAt(e.expected, 'absents') as string[] | undefined) ?? [];
      const liste = (valueAt(e.response.body, 'EtatDossierResult') as { numeroInterne?: string }[] | undefined) ?? [];
      const vus: Violation[] = [];
      for (const item of liste) if (item.numeroInterne && interdits.includes(item.numeroInterne)) vus.push({ path: 'EtatDossierResult[].numeroInterne', expected: "aucun dossier d'un autre CFA", received: item.numeroInterne });
      return vus;
    }),
  plant: (valid) => {
    const echange = withResponse(valid, 'serveur-isolation-etats', { status: 200, body: { total: 1, count: 1, page: 1, EtatDossierResult: [{ numeroInterne: 'AUTRE-CFA-1', etat: 'TRANSMIS' }] } });
    echange.expected = { ...echange.expected!, absents: ['AUTRE-CFA-1'] };
    return { payload: echange };
  },
});
