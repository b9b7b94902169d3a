// The live request log: requests as they arrive (server-sent events), and the exchange behind each.
import { useEffect, useState } from '/_console/vendor/hooks.mjs';
import { api, dateHeure, html, json, on } from './api.js';

const MAX = 500;

function Echange({ id, fermer }) {
  const [e, setE] = useState();
  const [erreur, setErreur] = useState('');
  useEffect(() => {
    api(`/requetes/${id}`).then(setE, (err) => setErreur(err.message));
  }, [id]);
  if (erreur) return html`<p role="alert" class="erreur">${erreur}</p>`;
  if (!e) return html`<p>Chargement de l'échange…</p>`;
  return html`<section class="detail echange" aria-labelledby="titre-echange">
    <div class="entete-detail">
      <h3 id="titre-echange">${e.method} ${e.path} → ${e.status}</h3>
      <button type="button" class="secondaire" onClick=${fermer}>Fermer</button>
    </div>
    <p>Reçue le ${dateHeure(e.at)} (horloge du bouchon : ${dateHeure(e.mockTime)}), ${e.ms} ms${e.session ? `, session ${e.session}` : ''}.</p>
    <h4>Requête</h4>
    <pre>${json(e.request.headers)}</pre>
    ${e.request.body !== undefined && html`<pre>${json(e.request.body)}</pre>`}
    <h4>Réponse</h4>
    <pre>${json(e.response.headers)}</pre>
    ${e.response.body !== undefined && html`<pre>${json(e.response.body)}</pre>`}
  </section>`;
}

export function Journal() {
  const [entrees, setEntrees] = useState([]);
  const [choix, setChoix] = useState();
  useEffect(() => {
    api('/requetes').then((r) => setEntrees(r.requetes.slice(-MAX).reverse()), () => undefined);
    return on('requete', (entry) => setEntrees((list) => [entry, ...list.filter((e) => e.id !== entry.id)].slice(0, MAX)));
  }, []);
  return html`<section aria-labelledby="titre-journal">
    <h2 id="titre-journal">Journal des requêtes</h2>
    <p class="aide">Les requêtes arrivent ici tant que la console est ouverte (les plus récentes en haut) ; les données personnelles sont masquées.</p>
    ${entrees.length === 0
      ? html`<p>Aucune requête reçue depuis l'ouverture de la console.</p>`
      : html`<table class="journal">
          <thead><tr><th scope="col">Heure</th><th scope="col">Requête</th><th scope="col">Statut</th><th scope="col">Profil</th><th scope="col">CFA</th><th scope="col">Codes</th></tr></thead>
          <tbody>${entrees.map(
            (e) => html`<tr data-requete=${e.id} class=${e.status >= 400 ? 'en-erreur' : ''}>
              <td>${new Date(e.at).toLocaleTimeString('fr-FR')}</td>
              <th scope="row"><button type="button" class="lien" onClick=${() => setChoix(e.id)}>${e.method} ${e.path}</button></th>
              <td>${e.status}</td><td>${e.opco ?? '—'}</td><td>${e.cfa ?? '—'}</td>
              <td>${e.codes.map((c) => html`<code>${c}</code> `)}</td>
            </tr>`,
          )}</tbody>
        </table>`}
    ${choix !== undefined && html`<${Echange} id=${choix} fermer=${() => setChoix(undefined)} />`}
  </section>`;
}
