// Certification sessions: each session's checklist live, its findings, the download of its five reports.
import { useEffect, useState } from '/_console/vendor/hooks.mjs';
import { api, dateHeure, html, live, telecharger } from './api.js';

const RESULTATS = { pass: 'Réussi', fail: 'Échec', 'not-exercised': 'Pas encore exercé' };
const FORMATS = [
  ['json', 'JSON', 'json'],
  ['junit', 'JUnit', 'junit.xml'],
  ['sarif', 'SARIF', 'sarif'],
  ['markdown', 'Markdown', 'md'],
  ['html', 'HTML', 'html'],
];

function Session({ id }) {
  const [s, setS] = useState();
  const [erreur, setErreur] = useState('');
  useEffect(() => live(['requete', 'horloge'], () => api(`/sessions/${encodeURIComponent(id)}`).then(setS, (e) => setErreur(e.message))), [id]);
  if (erreur) return html`<p role="alert" class="erreur">${erreur}</p>`;
  if (!s) return html`<p>Jugement de la session…</p>`;
  return html`<section class="detail" aria-labelledby="titre-session">
    <h3 id="titre-session">Session ${id}</h3>
    <p class=${s.exitCode === 0 ? 'verdict ok' : 'verdict ko'}>${s.exitCode === 0 ? 'Certifiable en l’état' : 'Pas encore certifiable'} — ${s.summary.pass} règle(s) respectée(s), ${s.summary.fail} en échec (${s.summary.blocking} bloquante(s))</p>
    <table class="checklist">
      <caption>Liste de contrôle des capacités</caption>
      <thead><tr><th scope="col">Capacité</th><th scope="col">Élément</th><th scope="col">Résultat</th><th scope="col">À faire / motif</th></tr></thead>
      <tbody>${s.checklist.map(
        (i) => html`<tr data-item=${i.id} data-resultat=${i.outcome}>
          <td>${i.capability}</td><th scope="row">${i.title}<br /><code>${i.id}</code></th>
          <td><span class=${`resultat resultat-${i.outcome}`}>${RESULTATS[i.outcome] ?? i.outcome}</span></td>
          <td>${i.reason ?? ''}${i.exchanges ? html` <span class="aide">(échanges ${i.exchanges.map((n) => `#${n}`).join(', ')})</span>` : ''}</td>
        </tr>`,
      )}</tbody>
    </table>
    <h4>Constats</h4>
    ${s.constats.length === 0
      ? html`<p>Aucune règle en échec.</p>`
      : html`<ul class="constats">${s.constats.map(
          (c) => html`<li><span class=${`severite severite-${c.severite}`}>${c.severite}</span> <code>${c.regle}</code> ${c.titre}${c.derogation ? html` <em>(dérogation : ${c.derogation})</em>` : ''}
            <ul>${c.exemples.map((e) => html`<li>${e.etape}${e.statut ? ` → ${e.statut}` : ''}${e.message ? ` : ${e.message}` : ''}</li>`)}</ul></li>`,
        )}</ul>`}
    <h4>Rapports</h4>
    <div class="telechargements">${FORMATS.map(
      ([format, nom, ext]) => html`<button type="button" class="secondaire" onClick=${() => telecharger(`/sessions/${encodeURIComponent(id)}/rapport?format=${format}`, `rapport-${id}.${ext}`).catch((e) => setErreur(e.message))}>Télécharger ${nom}</button>`,
    )}</div>
  </section>`;
}

export function Sessions() {
  const [data, setData] = useState();
  const [choix, setChoix] = useState();
  const [erreur, setErreur] = useState('');
  useEffect(() => live(['requete'], () => api('/sessions').then(setData, (e) => setErreur(e.message))), []);
  const selection = choix ?? (data?.sessions.length === 1 ? data.sessions[0].id : undefined);
  return html`<section aria-labelledby="titre-sessions">
    <h2 id="titre-sessions">Sessions de certification</h2>
    ${erreur && html`<p role="alert" class="erreur">${erreur}</p>`}
    ${data?.nonAttribuees && html`<p class="aide">Requêtes sans session : ${data.nonAttribuees.sansCle} sans clé, ${data.nonAttribuees.cleInconnue} avec une clé inconnue.</p>`}
    ${!data
      ? html`<p>Chargement…</p>`
      : data.sessions.length === 0
        ? html`<p>Aucune session : aucune requête n'est encore arrivée avec une clé de CFA.</p>`
        : html`<table class="sessions">
            <thead><tr><th scope="col">Session</th><th scope="col">OPCO</th><th scope="col">CFA</th><th scope="col">Requêtes</th><th scope="col">Dernière requête</th></tr></thead>
            <tbody>${data.sessions.map(
              (s) => html`<tr><th scope="row"><button type="button" class="lien" aria-pressed=${String(s.id === selection)} onClick=${() => setChoix(s.id)}>${s.id}</button></th>
                <td>${s.opco}</td><td>${s.cfa}</td><td>${s.requests}</td><td>${dateHeure(s.lastAt)}</td></tr>`,
            )}</tbody>
          </table>`}
    ${selection && html`<${Session} key=${selection} id=${selection} />`}
  </section>`;
}
