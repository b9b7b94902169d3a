// Paged listings are consistent: count is the page's length, page the one asked, and the pages add up to total.
import { defineRule, notApplicable, verdict, type Violation } from '../rule.js';
import { copie, show, valueAt } from './support.js';

/** The list of a page container: EtatDossierResult (dossiers) or factures (invoices); some OPCOs wrap it in an array. */
function container(body: unknown): Record<string, unknown> | undefined {
  const c = Array.isArray(body) && body.length === 1 ? body[0] : body;
  return c !== null && typeof c === 'object' && !Array.isArray(c) && 'total' in c ? (c as Record<string, unknown>) : undefined;
}

export default defineRule({
  id: 'serveur-pagination-total',
  title: 'Les listes paginées sont cohérentes : count est la taille de la page, page celle demandée, et les pages totalisent total',
  requirements: ['API-09'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check(echange) {
    if (!/\/etats(\?|$)/.test(echange.request.path) || echange.response.status !== 200) return notApplicable('pas une page de liste');
    const page = container(echange.response.body);
    if (!page) return verdict([{ path: '(corps)', expected: '{total, count, page, …}', received: show(echange.response.body) }]);
    const liste = page.EtatDossierResult ?? page.factures;
    const violations: Violation[] = [];
    if (!Array.isArray(liste)) violations.push({ path: 'EtatDossierResult', expected: 'un tableau', received: show(liste) });
    else if (page.count !== liste.length) violations.push({ path: 'count', expected: String(liste.length), received: show(page.count) });
    const demandee = Number(new URLSearchParams(echange.request.path.split('?')[1] ?? '').get('numeroPage') ?? '1');
    if (page.page !== demandee) violations.push({ path: 'page', expected: String(demandee), received: show(page.page) });
    if (typeof page.total !== 'number' || page.total < Number(page.count ?? 0)) violations.push({ path: 'total', expected: '≥ count', received: show(page.total) });
    // The suite walks the pages: on the last one it gives the number of elements seen on all of them.
    const cumul = valueAt(echange.expected, 'cumul');
    if (typeof cumul === 'number' && typeof page.total === 'number' && cumul !== page.total) {
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
