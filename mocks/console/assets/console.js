// The console's shell: sign-in with the admin token or a CFA key, the tabs, the live stream's state and the clock.
import { render } from '/_console/vendor/preact.mjs';
import { useEffect, useRef, useState } from '/_console/vendor/hooks.mjs';
import { api, connect, dateHeure, disconnect, html, jeton, live, on } from './api.js';
import { Dossiers } from './dossiers.js';
import { Horloge, Fautes } from './pilotage.js';
import { Journal } from './journal.js';
import { Sessions } from './sessions.js';

function Connexion({ onConnecte }) {
  const [erreur, setErreur] = useState('');
  const [secret, setSecret] = useState('');
  const submit = async (e) => {
    e.preventDefault();
    setErreur('');
    try {
      const moi = await api('/moi', { secret: secret.trim() });
      jeton.set(secret.trim());
      onConnecte(moi);
    } catch (error) {
      setErreur(error.status === 401 ? "Ni le jeton d'administration ni une clé d'API de CFA connue." : error.message);
    }
  };
  return html`<main class="connexion">
    <h1>Console du bouchon OPCO</h1>
    <form onSubmit=${submit}>
      <label for="secret">Jeton d'administration ou clé d'API du CFA</label>
      <input id="secret" type="password" autocomplete="off" required value=${secret} onInput=${(e) => setSecret(e.target.value)} />
      <p class="aide">Le jeton ouvre toute la console ; une clé d'API de CFA ne montre que les dossiers et la session de ce CFA. Il reste dans cet onglet (sessionStorage) et n'apparaît dans aucune adresse.</p>
      <button type="submit">Se connecter</button>
      ${erreur && html`<p role="alert" class="erreur">${erreur}</p>`}
    </form>
  </main>`;
}

function Onglets({ onglets, actif, choisir }) {
  const refs = useRef([]);
  // Arrow keys move between tabs (WAI-ARIA tabs pattern); Tab goes on to the panel.
  const key = (e, i) => {
    const n = onglets.length;
    const next = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    choisir(onglets[next].id);
    refs.current[next]?.focus();
  };
  return html`<nav><div role="tablist" aria-label="Vues de la console">
    ${onglets.map(
      (o, i) => html`<button role="tab" id=${`onglet-${o.id}`} aria-controls="panneau" aria-selected=${o.id === actif} tabindex=${o.id === actif ? 0 : -1}
        ref=${(el) => (refs.current[i] = el)} onClick=${() => choisir(o.id)} onKeyDown=${(e) => key(e, i)}>${o.titre}</button>`,
    )}
  </div></nav>`;
}

function EtatFlux() {
  const [etat, setEtat] = useState('connexion');
  useEffect(() => on('etat', setEtat), []);
  const texte = { connexion: 'connexion…', connecte: 'en direct', deconnecte: 'interrompu, reconnexion…' }[etat];
  return html`<span role="status" class=${`flux flux-${etat}`} data-etat=${etat}>Suivi : ${texte}</span>`;
}

function HeureBouchon() {
  const [now, setNow] = useState();
  useEffect(() => live(['horloge'], () => api('/horloge').then((c) => setNow(c.now), () => undefined)), []);
  return html`<span class="heure">Horloge du bouchon : <time datetime=${now}>${dateHeure(now)}</time></span>`;
}

function Console({ moi, deconnecter }) {
  const onglets = [
    { id: 'dossiers', titre: 'Dossiers' },
    ...(moi.admin ? [{ id: 'horloge', titre: 'Horloge' }, { id: 'fautes', titre: 'Fautes et jeux' }] : []),
    { id: 'journal', titre: 'Journal des requêtes' },
    ...(moi.certification ? [{ id: 'sessions', titre: 'Certification' }] : []),
  ];
  const [actif, setActif] = useState(() => location.hash.slice(1) || 'dossiers');
  const choisir = (id) => {
    setActif(id);
    history.replaceState(null, '', `#${id}`);
  };
  useEffect(() => {
    connect();
    return disconnect;
  }, []);
  const panneau = onglets.some((o) => o.id === actif) ? actif : 'dossiers';
  const Vue = { dossiers: Dossiers, horloge: Horloge, fautes: Fautes, journal: Journal, sessions: Sessions }[panneau];
  return html`<div class="console">
    <header>
      <h1>Console du bouchon OPCO</h1>
      <p class="qui">${moi.admin ? 'Administration (tout le bouchon)' : html`${moi.denomination} — SIRET ${moi.cfa}`}</p>
      <${HeureBouchon} />
      <${EtatFlux} />
      <button type="button" class="secondaire" onClick=${deconnecter}>Se déconnecter</button>
    </header>
    <${Onglets} onglets=${onglets} actif=${panneau} choisir=${choisir} />
    <main id="panneau" role="tabpanel" aria-labelledby=${`onglet-${panneau}`} tabindex="-1">
      <${Vue} moi=${moi} />
    </main>
  </div>`;
}

function App() {
  const [moi, setMoi] = useState();
  const [pret, setPret] = useState(false);
  useEffect(() => {
    if (!jeton.get()) return setPret(true);
    api('/moi').then(setMoi, () => jeton.clear()).finally(() => setPret(true));
  }, []);
  const deconnecter = () => {
    jeton.clear();
    disconnect();
    setMoi(undefined);
  };
  if (!pret) return html`<p class="chargement">Chargement de la console…</p>`;
  return moi ? html`<${Console} moi=${moi} deconnecter=${deconnecter} />` : html`<${Connexion} onConnecte=${setMoi} />`;
}

render(html`<${App} />`, document.getElementById('app'));
