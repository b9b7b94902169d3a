// Every page of a listing is the one asked (`page` = `numeroPage`), and the suite's walk crosses at least two pages.
import { defineRule, notApplicable, skip, verdict } from '../rule.js';
import { copie, estPageDeListe, judgedBy, numeroPageDemande, pageContainer, show, valueAt } from './support.js';

const ID = 'serveur-pagination-numero-page';

export default defineRule({
  id: ID,
  title: 'Chaque page d\'une liste est celle demandée par numeroPage, et la liste se parcourt au-delà de la première page',
  requirements: ['SRV-11', 'API-09'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check(echange) {
    if (!estPageDeListe(echange)) return notApplicable('pas une page de liste');
    const page = pageContainer(echange.response.body);
    if (!page) return notApplicable('pas de conteneur de page (jugé par serveur-pagination-total)');
    const demandee = numeroPageDemande(echange.request.path);
    if (page.page !== demandee) return verdict([{ path: 'page', expected: `${demandee} (numeroPage demandé)`, received: show(page.page) }]);
    // The last page of a walk the step names: a walk that never left page 1 did not test numeroPage.
    const cumul = valueAt(echange.expected, 'cumul');
    if (judgedBy(echange, ID) && typeof cumul === 'number' && demandee === 1) {
      return skip(`la liste tient sur une page (${show(page.total)} élément(s) pour ${show(page.count)} par page) : le passage à la page 2 n'a pas pu être vérifié ; transmettre plus de dossiers que la taille de page de la cible`);
    }
    return verdict([]);
  },
  plant(valid) {
    const echange = copie(valid);
    echange.request = { ...echange.request, path: '/v2/dossiers/etats?numeroPage=2' };
    echange.response = { ...echange.response, status: 200, body: { total: 3, count: 2, page: 1, EtatDossierResult: [{ numeroInterne: 'A' }, { numeroInterne: 'B' }] } };
    return { payload: echange };
  },
});
