// Driving the mock from the console: the clock (and what a move changed), the armed faults and the scripted plays.
import type { FastifyInstance } from 'fastify';
import { MockProblem, type ProblemBody } from '../errors.js';
import type { Play } from '../certification/script.js';
import { etats } from './dossiers.js';
import type { ConsoleSetting } from './types.js';

/**
 * The admin API answers for the console: the same validation and the same effects (mocks/admin.ts), called
 * in-process. Its problem comes back as it is.
 */
export async function adminApi(
  app: FastifyInstance,
  setting: ConsoleSetting,
  method: 'GET' | 'PUT' | 'POST' | 'DELETE',
  url: string,
  payload?: unknown,
  host?: string,
): Promise<unknown> {
  const headers: Record<string, string> = { authorization: `Bearer ${setting.runtime.config.admin.token}` };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  // The reports' curls point at the host the console was opened on.
  if (host !== undefined) headers.host = host;
  const response = await app.inject({
    method,
    url: `/_admin${url}`,
    headers,
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
  });
  const body = response.body === '' ? undefined : (JSON.parse(response.body) as unknown);
  if (response.statusCode >= 400) throw problemFrom(response.statusCode, body as ProblemBody);
  return body;
}

/** A problem answered by the admin API, thrown again as the console's answer. */
function problemFrom(status: number, body: ProblemBody): MockProblem {
  const code = (body.type?.split(':').pop() ?? 'REQUETE_INVALIDE') as ConstructorParameters<typeof MockProblem>[0];
  return new MockProblem(code, body.detail ?? 'Requête refusée', body.errors ?? [], { status });
}

export interface Changement {
  type: 'dossier' | 'facture';
  opco: string;
  cfa: string;
  numero: string;
  avant: string | null;
  apres: string;
}

/** Moves the clock through the admin API and tells which dossiers and invoices changed state. */
export async function deplacerHorloge(app: FastifyInstance, setting: ConsoleSetting, body: unknown): Promise<{ now: string; changements: Changement[] }> {
  const avant = await etats(setting);
  const moved = (await adminApi(app, setting, 'PUT', '/clock', body ?? {})) as { now: string };
  const apres = await etats(setting);
  const changements: Changement[] = [];
  for (const [key, now] of apres) {
    const before = avant.get(key);
    if (before?.etat !== now.etat) changements.push({ type: now.type, opco: now.opco, cfa: now.cfa, numero: now.numero, avant: before?.etat ?? null, apres: now.etat });
  }
  return { now: moved.now, changements };
}

/** The plays of the script as loaded, and those the console disarmed (certification mode only). */
export class Plays {
  private readonly all: readonly Play[];
  private readonly disarmed = new Set<string>();

  constructor(private readonly setting: ConsoleSetting) {
    this.all = [...(setting.runtime.certification?.options.script.plays ?? [])];
  }

  list(): { id: string; operation: string; occurrence: number; status: number; code: string; arme: boolean }[] {
    return this.all.map((p) => ({ id: p.id, operation: p.operation, occurrence: p.occurrence, status: p.answer.status, code: p.answer.code, arme: !this.disarmed.has(p.id) }));
  }

  /** Arms or disarms a play: the recorder reads the script's list at every request, so it applies from the next one. */
  set(id: string, arme: boolean): void {
    const script = this.setting.runtime.certification?.options.script;
    if (!script) throw new MockProblem('CERTIFICATION_INACTIVE', "Le bouchon n'a pas été démarré en mode certification (convergence test cfa)");
    if (!this.all.some((p) => p.id === id)) {
      throw new MockProblem('REQUETE_INVALIDE', `Aucun jeu « ${id} » dans le script`, [{ code: 'REQUETE_INVALIDE', description: `Jeu inconnu : ${id}`, champ: 'id' }]);
    }
    if (arme) this.disarmed.delete(id);
    else this.disarmed.add(id);
    script.plays = this.all.filter((p) => !this.disarmed.has(p.id));
  }
}

/** Arms a fault through the admin API (its schema checks it). */
export async function armerFaute(app: FastifyInstance, setting: ConsoleSetting, spec: unknown): Promise<unknown> {
  return adminApi(app, setting, 'POST', '/faults', spec);
}

/** Disarms every fault (admin API), or one: the others are armed again as they are, under new ids. */
export async function desarmerFaute(app: FastifyInstance, setting: ConsoleSetting, id?: string): Promise<void> {
  if (id === undefined) {
    await adminApi(app, setting, 'DELETE', '/faults');
    return;
  }
  // Through the admin API: the fault leaves the store too, so every instance disarms it.
  await adminApi(app, setting, 'DELETE', `/faults/${encodeURIComponent(id)}`);
}
