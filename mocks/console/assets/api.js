// The console's link to the mock: the credential kept in sessionStorage and sent as a header, the live event stream.
import { h } from '/_console/vendor/preact.mjs';
import htm from '/_console/vendor/htm.mjs';

export const html = htm.bind(h);

const KEY = 'convergence-console-jeton';

export const jeton = {
  get: () => sessionStorage.getItem(KEY),
  set: (value) => sessionStorage.setItem(KEY, value),
  clear: () => sessionStorage.removeItem(KEY),
};

/** An error answer of the console's API: the problem's detail, in French. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `Erreur ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Calls the console's API with the credential in `Authorization` (never in the URL). */
export async function api(path, { method = 'GET', body, secret = jeton.get(), raw = false } = {}) {
  const headers = { authorization: `Bearer ${secret ?? ''}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/_console/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) {
    let problem;
    try {
      problem = await response.json();
    } catch {
      problem = undefined;
    }
    throw new ApiError(response.status, problem);
  }
  if (raw) return response;
  return response.status === 204 ? undefined : response.json();
}

const listeners = new Map();

/** Subscribes to an event of the live stream (`requete`, `horloge`, `fautes`, `etat`); returns the unsubscribe function. */
export function on(name, fn) {
  if (!listeners.has(name)) listeners.set(name, new Set());
  listeners.get(name).add(fn);
  return () => listeners.get(name).delete(fn);
}

function emit(name, data) {
  for (const fn of listeners.get(name) ?? []) fn(data);
}

let source;
let retry;

/**
 * Opens the live stream: a one-time ticket obtained by an authenticated POST opens an EventSource; when the stream
 * drops, a new ticket is asked for (the old one is spent).
 */
export async function connect() {
  disconnect();
  try {
    const { ticket } = await api('/ticket', { method: 'POST' });
    source = new EventSource(`/_console/api/flux?ticket=${encodeURIComponent(ticket)}`);
    for (const name of ['requete', 'horloge', 'fautes']) source.addEventListener(name, (e) => emit(name, JSON.parse(e.data)));
    source.addEventListener('pret', () => emit('etat', 'connecte'));
    source.onerror = () => {
      emit('etat', 'deconnecte');
      source?.close();
      source = undefined;
      if (jeton.get()) retry = setTimeout(connect, 2000);
    };
  } catch {
    emit('etat', 'deconnecte');
    if (jeton.get()) retry = setTimeout(connect, 4000);
  }
}

export function disconnect() {
  clearTimeout(retry);
  source?.close();
  source = undefined;
}

/** Downloads an answer of the API as a file (the credential stays in the header; the browser gets a blob URL). */
export async function telecharger(path, nom) {
  const response = await api(path, { raw: true });
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = nom;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Dates as staff read them: 16/01/2026 09:00. */
export const dateHeure = (iso) => (iso ? new Date(iso).toLocaleString('fr-FR', { timeZone: 'UTC', dateStyle: 'short', timeStyle: 'short' }) + ' UTC' : '—');
export const date = (iso) => (iso ? new Date(iso).toLocaleDateString('fr-FR', { timeZone: 'UTC' }) : '—');
export const euros = (n) => (typeof n === 'number' ? n.toLocaleString('fr-FR', { style: 'currency', currency: 'EUR' }) : '—');
export const json = (value) => JSON.stringify(value, null, 2);

/** Refreshes `load` now and after the named events, at most every 300 ms (a steady flow of requests still refreshes). */
export function live(names, load) {
  let timer;
  const later = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      load();
    }, 300);
  };
  load();
  const offs = names.map((n) => on(n, later));
  return () => {
    clearTimeout(timer);
    offs.forEach((off) => off());
  };
}
