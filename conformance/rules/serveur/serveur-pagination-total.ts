// Paged listings are consistent: count is the page's length, and the pages walked add up to total.
import { defineRule, notApplicable, verdict, type Violation } from '../rule.js';
import { copie, estPageDeListe, numeroPageDemande, pageContainer, show, valueAt } from './support.js';

export default defineRule({
  id: 'serveur-pagination-total',
  title: 'Les listes paginées sont cohérentes : count est la taille de la page, et les pages totalisent total',
  requirements: ['API-09'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check(echange) {
    if (!estPageDeListe(echange)) return notApplicable('pas une page de liste');
    const page = pageContainer(echange.response.body);
    if (!page) return verdict([{ path: '(corps)', expected: '{total, count, page, …}', received: show(echange.response.body) }]);
    const liste = page.EtatDossierResult ?? page.factures;
    const violations: Violation[] = [];
    if (!Array.isArray(liste)) violations.push({ path: 'EtatDossierResult', expected: 'un tableau', received: show(liste) });
    else if (page.count !== liste.length) violations.push({ path: 'count', expected: String(liste.length), received: show(page.count) });
    if (typeof page.total !== 'number' || page.total < Number(page.count ?? 0)) violations.push({ path: 'total', expected: '≥ count', received: show(page.total) });
    // The suite walks the pages: on the last one it gives the number of elements seen on all of them. When the page
    // answered is not the one asked, the walk re-read pages: serveur-pagination-numero-page judges that, not the sum.
    const cumul = valueAt(echange.expected, 'cumul');
    const bonnePage = page.page === numeroPageDemande(echange.request.path);
    if (bonnePage && typeof cumul === 'number' && typeof page.total === 'number' && cumul !== page.total) {
      violations.push({ path: 'total', expected: `${cumul} (éléments lus sur toutes les pages)`, received: String(page.total) });
    }
    return verdict(violations);
  },
  plant(valid) {
    const echange = copie(valid);
    echange.request = { ...echange.request, path: '/v2/dossiers/etats?numeroPage=1' };
    echange.response = { ...echange.response, status: 200, body: { total: 1, count: 2, page: 1, EtatDossierResult: [] } };
    return { payload: echange };
  },
});
