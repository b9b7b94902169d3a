// Driving the mock (admin only): the clock and what a move changed; the armed faults and the certification plays.
import { useEffect, useState } from '/_console/vendor/hooks.mjs';
import { api, dateHeure, html, live } from './api.js';
import { etat } from './dossiers.js';

const DUREES = [
  ['PT1M', '1 minute'],
  ['PT1H', '1 heure'],
  ['P1D', '1 jour'],
  ['P5D', '5 jours'],
  ['P30D', '30 jours'],
  ['P1M', '1 mois'],
  ['P1Y', '1 an'],
];

export function Horloge() {
  const [horloge, setHorloge] = useState();
  const [duree, setDuree] = useState('P5D');
  const [dateFixee, setDateFixee] = useState('');
  const [resultat, setResultat] = useState();
  const [erreur, setErreur] = useState('');
  useEffect(() => live(['horloge'], () => api('/horloge').then(setHorloge, (e) => setErreur(e.message))), []);
  const deplacer = async (body) => {
    setErreur('');
    try {
      const r = await api('/horloge', { method: 'PUT', body });
      setHorloge(r);
      setResultat(r);
    } catch (e) {
      setErreur(e.message);
    }
  };
  return html`<section aria-labelledby="titre-horloge">
    <h2 id="titre-horloge">Horloge du bouchon</h2>
    <p>Date courante : <strong data-champ="maintenant">${dateHeure(horloge?.now)}</strong>
      ${horloge && html`<span class="aide"> — délais : instruction ${horloge.delais.instruction}, décision ${horloge.delais.decision}, paiement ${horloge.delais.paiement}</span>`}</p>
    <div class="formulaires">
      <form onSubmit=${(e) => (e.preventDefault(), deplacer({ advance: duree }))}>
        <label for="duree">Avancer de (durée ISO 8601)</label>
        <input id="duree" list="durees" value=${duree} onInput=${(e) => setDuree(e.target.value)} pattern="P.*" required />
        <datalist id="durees">${DUREES.map(([v, t]) => html`<option value=${v}>${t}</option>`)}</datalist>
        <button type="submit">Avancer</button>
      </form>
      <form onSubmit=${(e) => (e.preventDefault(), deplacer({ now: dateFixee }))}>
        <label for="date-fixee">Fixer la date (ISO 8601, UTC)</label>
        <input id="date-fixee" placeholder="2026-01-16T09:00:00Z" value=${dateFixee} onInput=${(e) => setDateFixee(e.target.value)} required />
        <button type="submit">Fixer</button>
      </form>
    </div>
    ${erreur && html`<p role="alert" class="erreur">${erreur}</p>`}
    ${resultat &&
    html`<div class="bilan" role="status">
      <h3>Ce que le déplacement a changé (horloge au ${dateHeure(resultat.now)})</h3>
      ${resultat.changements.length === 0
        ? html`<p>Aucun dossier ni aucune facture n'a changé d'état.</p>`
        : html`<ul class="changements">${resultat.changements.map(
            (c) => html`<li>${c.type === 'dossier' ? 'Dossier' : 'Facture'} <strong>${c.numero}</strong> (${c.opco}, CFA ${c.cfa}) : ${c.avant ? etat(c.avant) : 'nouveau'} → ${etat(c.apres)}</li>`,
          )}</ul>`}
    </div>`}
  </section>`;
}

const GENRES = [
  ['503', '503 Service indisponible'],
  ['500', '500 Erreur interne'],
  ['429', '429 Trop de requêtes'],
  ['latency', 'Latence'],
  ['drop', 'Connexion coupée'],
];

function ArmerFaute({ armee }) {
  const [f, setF] = useState({ kind: '503', operation: '', tenant: '', count: '1', retryAfter: '', latencyMs: '' });
  const [erreur, setErreur] = useState('');
  const champ = (nom) => (e) => setF({ ...f, [nom]: e.target.value });
  const submit = async (e) => {
    e.preventDefault();
    setErreur('');
    const spec = { kind: f.kind };
    if (f.operation.trim()) spec.operation = f.operation.trim();
    if (f.tenant.trim()) spec.tenant = f.tenant.trim();
    for (const nom of ['count', 'retryAfter', 'latencyMs']) if (f[nom].trim()) spec[nom] = Number(f[nom]);
    try {
      await api('/fautes', { method: 'POST', body: spec });
      armee();
    } catch (error) {
      setErreur(error.message);
    }
  };
  return html`<form class="armer" onSubmit=${submit}>
    <fieldset><legend>Armer une faute</legend>
      <div class="champ"><label for="faute-genre">Effet</label>
        <select id="faute-genre" value=${f.kind} onChange=${champ('kind')}>${GENRES.map(([v, t]) => html`<option value=${v}>${t}</option>`)}</select></div>
      <div class="champ"><label for="faute-operation">Opération (vide : toutes)</label><input id="faute-operation" placeholder="POST /dossiers" value=${f.operation} onInput=${champ('operation')} /></div>
      <div class="champ"><label for="faute-cfa">SIRET du CFA (vide : tous)</label><input id="faute-cfa" inputmode="numeric" value=${f.tenant} onInput=${champ('tenant')} /></div>
      <div class="champ"><label for="faute-nombre">Nombre de requêtes (vide : jusqu'au désarmement)</label><input id="faute-nombre" type="number" min="1" value=${f.count} onInput=${champ('count')} /></div>
      <div class="champ"><label for="faute-retry">Retry-After (s)</label><input id="faute-retry" type="number" min="0" value=${f.retryAfter} onInput=${champ('retryAfter')} /></div>
      <div class="champ"><label for="faute-latence">Latence (ms)</label><input id="faute-latence" type="number" min="0" value=${f.latencyMs} onInput=${champ('latencyMs')} /></div>
      <button type="submit">Armer</button>
    </fieldset>
    ${erreur && html`<p role="alert" class="erreur">${erreur}</p>`}
  </form>`;
}

export function Fautes() {
  const [data, setData] = useState();
  const [erreur, setErreur] = useState('');
  const charger = () => api('/fautes').then(setData, (e) => setErreur(e.message));
  useEffect(() => live(['fautes', 'requete'], charger), []);
  const agir = (promise) => promise.then(charger, (e) => setErreur(e.message));
  return html`<section aria-labelledby="titre-fautes">
    <h2 id="titre-fautes">Fautes armées</h2>
    ${erreur && html`<p role="alert" class="erreur">${erreur}</p>`}
    ${data?.fautes.length
      ? html`<ul class="fautes">${data.fautes.map(
          (f) => html`<li><strong>${f.kind}</strong> sur ${f.operation ?? 'toutes les opérations'}, ${f.tenant ? `CFA ${f.tenant}` : 'tous les CFA'}${f.count !== undefined ? `, encore ${f.count} requête(s)` : ''}${f.ratio !== undefined ? `, ${Math.round(f.ratio * 100)} % des requêtes` : ''}${f.retryAfter !== undefined ? `, Retry-After ${f.retryAfter} s` : ''}${f.latencyMs !== undefined ? `, ${f.latencyMs} ms` : ''}
            <button type="button" class="secondaire" aria-label=${`Désarmer la faute ${f.kind} sur ${f.operation ?? 'toutes les opérations'}`}
              onClick=${() => agir(api(`/fautes/${encodeURIComponent(f.id)}`, { method: 'DELETE' }))}>Désarmer</button></li>`,
        )}</ul>
        <button type="button" class="secondaire" onClick=${() => agir(api('/fautes', { method: 'DELETE' }))}>Tout désarmer</button>`
      : html`<p>Aucune faute armée.</p>`}
    <${ArmerFaute} armee=${charger} />
    <h2>Jeux du script de certification</h2>
    ${!data?.certification
      ? html`<p>Le bouchon n'est pas en mode certification (convergence test cfa) : aucun jeu.</p>`
      : data.plays.length === 0
        ? html`<p>Le script de certification ne joue aucun jeu.</p>`
        : html`<table class="jeux">
          <thead><tr><th scope="col">Jeu</th><th scope="col">Opération</th><th scope="col">Occurrence</th><th scope="col">Réponse</th><th scope="col">Armé</th></tr></thead>
          <tbody>${data.plays.map(
            (p) => html`<tr><th scope="row">${p.id}</th><td><code>${p.operation}</code></td><td>${p.occurrence}</td><td>${p.status} ${p.code}</td>
              <td><input type="checkbox" aria-label=${`Jeu ${p.id} armé`} checked=${p.arme} onChange=${(e) => agir(api(`/plays/${encodeURIComponent(p.id)}`, { method: 'PUT', body: { arme: e.target.checked } }))} /></td></tr>`,
          )}</tbody>
        </table>`}
  </section>`;
}
