// Dossiers per CFA: the filtered list, live; one dossier's state, échéancier with its invoices, findings and deposit.
import { useEffect, useState } from '/_console/vendor/hooks.mjs';
import { api, date, dateHeure, euros, html, json, live } from './api.js';

const ETATS = {
  TRANSMIS: 'Transmis',
  EN_COURS_INSTRUCTION: "En cours d'instruction",
  ENGAGE: 'Engagé',
  REFUSE: 'Refusé',
  ANNULE: 'Annulé',
  RUPTURE: 'Rupture',
  RUPTU: 'Rupture',
  SOLDE: 'Soldé',
  REJETEE: 'Rejetée',
  REGLE: 'Réglée',
};
export const etat = (code) => html`<span class=${`etat etat-${code}`}>${ETATS[code] ?? code}</span>`;

function Filtre({ id, label, valeur, options, noms = {}, changer }) {
  return html`<div class="champ">
    <label for=${id}>${label}</label>
    <select id=${id} value=${valeur} onChange=${(e) => changer(e.target.value)}>
      <option value="">Tous</option>
      ${options.map((o) => html`<option value=${o}>${noms[o] ? `${noms[o]} (${o})` : o}</option>`)}
    </select>
  </div>`;
}

function Echeancier({ echeances }) {
  if (echeances.length === 0) return html`<p>Aucun échéancier : le dossier n'est pas (encore) engagé.</p>`;
  return html`<table class="echeancier">
    <caption>Échéancier</caption>
    <thead><tr><th scope="col">Échéance</th><th scope="col">Ouverture</th><th scope="col">Période</th><th scope="col">Montant</th><th scope="col">En instruction</th><th scope="col">Réglé</th><th scope="col">Factures</th></tr></thead>
    <tbody>
      ${echeances.map(
        (e) => html`<tr data-echeance=${e.numero}>
          <th scope="row">${e.codification}</th>
          <td>${date(e.dateOuverture)}</td>
          <td>${e.dateDebut ? `${date(e.dateDebut)} – ${date(e.dateFin)}` : '—'}</td>
          <td class="nombre">${euros(e.montantTotal)}</td>
          <td class="nombre">${euros(e.montantEnCoursInstruction)}</td>
          <td class="nombre">${euros(e.montantRegle)}</td>
          <td>${e.factures.length === 0
            ? '—'
            : html`<ul class="factures">${e.factures.map(
                (f) => html`<li>${f.numeroInterneFacture} : ${etat(f.etatFacture)} ${euros(f.montant)}${f.dateReglement ? ` le ${date(f.dateReglement)}` : ''}
                  ${f.etatFacture === 'REJETEE' && f.commentaire ? html`<span class="motif">Motif : ${f.commentaire}</span>` : ''}</li>`,
              )}</ul>`}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function Detail({ choix, fermer }) {
  const [d, setD] = useState();
  const [erreur, setErreur] = useState('');
  useEffect(
    () => live(['requete', 'horloge'], () => api(`/dossiers/${choix.map(encodeURIComponent).join('/')}`).then(setD, (e) => setErreur(e.message))),
    [choix.join('/')],
  );
  if (erreur) return html`<section class="detail"><p role="alert" class="erreur">${erreur}</p></section>`;
  if (!d) return html`<section class="detail"><p>Chargement du dossier…</p></section>`;
  return html`<section class="detail" aria-labelledby="titre-dossier">
    <div class="entete-detail">
      <h2 id="titre-dossier">Dossier ${d.numeroInterne}</h2>
      <button type="button" class="secondaire" onClick=${fermer}>Fermer</button>
    </div>
    <dl class="fiche">
      <dt>État</dt><dd data-champ="etat">${etat(d.etat)}</dd>
      <dt>Numéro DECA</dt><dd data-champ="deca">${d.numeroDeca ?? '—'}</dd>
      <dt>Numéro externe</dt><dd>${d.numeroExterne}</dd>
      <dt>OPCO (profil)</dt><dd>${d.opcoNom} (${d.opco})</dd>
      <dt>CFA</dt><dd>${d.denomination} — ${d.cfa}</dd>
      <dt>Reçu le</dt><dd>${dateHeure(d.recuLe)}</dd>
      <dt>Engagement</dt><dd>${euros(d.engagement)}</dd>
      ${d.commentaireEtat && html`<dt>Commentaire</dt><dd>${d.commentaireEtat}</dd>`}
    </dl>
    <${Echeancier} echeances=${d.echeances} />
    <h3>Factures</h3>
    ${d.factures.length === 0
      ? html`<p>Aucune facture reçue pour ce dossier.</p>`
      : html`<ul class="factures-dossier">${d.factures.map(
          (f) => html`<li data-facture=${f.numeroInterneFacture}><strong>${f.numeroInterneFacture}</strong> ${etat(f.etatFacture)} ${euros(f.montantFacture)}, reçue le ${dateHeure(f.recueLe)}
            ${f.commentaire && html`<p class="motif">Motif du rejet : ${f.commentaire}</p>`}</li>`,
        )}</ul>`}
    <h3>Constats des règles au dépôt</h3>
    ${d.constats.length === 0
      ? html`<p>Aucun constat : le CERFA respecte toutes les règles du catalogue.</p>`
      : html`<ul class="constats">${d.constats.map(
          (c) => html`<li><span class=${`severite severite-${c.severite}`}>${c.severite}</span> <code>${c.code}</code> ${c.titre}
            <ul>${c.messages.map((m) => html`<li>${m.champ && html`<code>${m.champ}</code> : `}${m.message}</li>`)}</ul></li>`,
        )}</ul>`}
    <details class="depot">
      <summary>Requête de dépôt (${d.depot.operation}, ${dateHeure(d.depot.recuLe)}) — données personnelles masquées</summary>
      <pre>${json(d.depot.corps)}</pre>
    </details>
  </section>`;
}

export function Dossiers() {
  const [filtres, setFiltres] = useState({ cfa: '', etat: '', opco: '' });
  const [data, setData] = useState();
  const [choix, setChoix] = useState();
  const [erreur, setErreur] = useState('');
  const query = new URLSearchParams(Object.entries(filtres).filter(([, v]) => v)).toString();
  useEffect(() => live(['requete', 'horloge'], () => api(`/dossiers${query ? `?${query}` : ''}`).then(setData, (e) => setErreur(e.message))), [query]);
  const changer = (nom) => (valeur) => setFiltres({ ...filtres, [nom]: valeur });
  return html`<section aria-labelledby="titre-dossiers">
    <h2 id="titre-dossiers">Dossiers</h2>
    ${erreur && html`<p role="alert" class="erreur">${erreur}</p>`}
    <form class="filtres" onSubmit=${(e) => e.preventDefault()}>
      <${Filtre} id="filtre-cfa" label="CFA" valeur=${filtres.cfa} options=${data?.filtres.cfa ?? []} noms=${data?.cfas} changer=${changer('cfa')} />
      <${Filtre} id="filtre-etat" label="État" valeur=${filtres.etat} options=${data?.filtres.etat ?? []} noms=${ETATS} changer=${changer('etat')} />
      <${Filtre} id="filtre-opco" label="Profil OPCO" valeur=${filtres.opco} options=${data?.filtres.opco ?? []} changer=${changer('opco')} />
    </form>
    ${!data
      ? html`<p>Chargement…</p>`
      : data.dossiers.length === 0
        ? html`<p>Aucun dossier${query ? ' pour ces filtres' : ' reçu pour le moment'}.</p>`
        : html`<table class="dossiers">
            <caption>${data.dossiers.length} dossier(s)</caption>
            <thead><tr><th scope="col">Numéro interne</th><th scope="col">État</th><th scope="col">Numéro DECA</th><th scope="col">CFA</th><th scope="col">Profil</th><th scope="col">Reçu le</th></tr></thead>
            <tbody>${data.dossiers.map(
              (d) => html`<tr data-dossier=${d.numeroInterne}>
                <th scope="row"><button type="button" class="lien" onClick=${() => setChoix([d.opco, d.cfa, d.numeroInterne])}>${d.numeroInterne}</button></th>
                <td>${etat(d.etat)}</td><td>${d.numeroDeca ?? '—'}</td><td>${d.denomination} (${d.cfa})</td><td>${d.opcoNom}</td><td>${dateHeure(d.recuLe)}</td>
              </tr>`,
            )}</tbody>
          </table>`}
    ${choix && html`<${Detail} choix=${choix} fermer=${() => setChoix(undefined)} />`}
  </section>`;
}
