// The CFA finds its dossier by appairage on the apprentice's identity, the employer's SIRET and the contract start.
import { defineRule } from '../rule.js';
import { judgeListed, show, withResponse } from './support.js';

export default defineRule({
  id: 'serveur-appairage',
  title: "L'appairage (nom, prénom, date de naissance, SIRET employeur, date de début) retrouve le dossier du CFA",
  requirements: ['API-15', 'API-16'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check: (echange) =>
    judgeListed(echange, 'serveur-appairage', (e) => {
      const body = e.response.body;
      const cherche = (e.expected as { numeroInterne?: string } | undefined)?.numeroInterne;
      const liste = Array.isArray(body) ? body : [];
      const trouve = liste.some((d: { cerfa?: { numeroInterne?: string }; numeroInterne?: string }) => (d.cerfa?.numeroInterne ?? d.numeroInterne) === cherche);
      return trouve ? [] : [{ path: '(corps)', expected: `un dossier de numéro interne ${show(cherche)}`, received: `${liste.length} dossier(s) sans lui` }];
    }),
  plant: (valid) => ({ payload: withResponse(valid, 'serveur-appairage', { status: 200, body: [] }) }),
});
