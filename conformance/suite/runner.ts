// Plays scenarios against a live target: builds each request, records the exchange, judges it with the catalogue's rules.
import { datesEnPartieDate, estEnveloppeCerfa } from '../model/depot-cerfa.js';
import type { AttenteEchange, Echange } from '../model/payloads.js';
import { findRule } from '../rules/index.js';
import { ruleCode, type Rule, type RuleContext } from '../rules/rule.js';
import { valueAt } from '../rules/serveur/support.js';
import { generateRecord } from '../generate/index.js';
import { Envoyeur, toujours429 } from './envoi.js';
import { JugeDesEchanges, rulesOfStep, SECRET } from './judging.js';
import { LECTURE_TOLERANTE, reponseALaNorme, statutsAcceptes, type ParticularitesCible } from './particularites.js';
import type { Capacite, RequestSpec, Scenario, Step, WaitSpec } from './scenario.js';
import { echeanceLibre, jourAttendu, type JourAttendu } from './attente.js';
import { dureeMs } from './duree.js';
import { HorsRecetteError } from './recette.js';
import { DonneesDuScenario, isDossier, PasJouable } from './donnees.js';
import type { EtatDuJoueur, RunOptions, ScenarioRun, StepRun, Target } from './types.js';
import { render, setAt } from './template.js';
import { TargetUnreachableError, Transport, type FirstAnswer, type Response } from './transport.js';

export { curlFor } from './curl.js';
export { rulesOfStep } from './judging.js';
export { TargetUnreachableError } from './transport.js';
export type { Judgement, RunOptions, ScenarioRun, StepRun, Target } from './types.js';

function statusList(value: unknown): number[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => Number(v));
}

/** Plays one scenario and judges its exchanges. Never throws for the target's behaviour; throws TargetUnreachableError on the first request only. */
export class ScenarioRunner {
  private readonly juge: JugeDesEchanges;
  private readonly envoi: Envoyeur;
  private today = new Date().toISOString().slice(0, 10);
  /** The states read of each dossier (by numeroInterne), in order: the lifecycle rule judges order, not sampling. */
  private readonly etatsLus = new Map<string, string[]>();
  /** When the step a resumed scenario plays on first waited (a declared delay counts from then). */
  private attenteDepuis: number | undefined;

  constructor(
    private readonly scenario: Scenario,
    private readonly index: number,
    private readonly target: Target,
    private readonly options: RunOptions,
    first: FirstAnswer,
  ) {
    this.juge = new JugeDesEchanges(scenario, target, options.schemas);
    this.envoi = new Envoyeur(new Transport(options.fetch ?? fetch, options.timeoutMs, first), target, options, this.juge);
    this.donnees = new DonneesDuScenario(scenario, index, target, options, () => this.today);
    this.resolve = this.donnees.resolve;
  }

  /** What the scenario holds and how its templates read it (donnees.ts). */
  private readonly donnees: DonneesDuScenario;
  private readonly resolve: (expression: string) => unknown;

  async run(): Promise<ScenarioRun> {
    const started = Date.now();
    const steps: StepRun[] = [];
    const missing = this.scenario.capacites.filter((c: Capacite) => !this.target.capacites.includes(c));
    if (missing.length > 0) {
      const reason = `hors des capacités déclarées de la cible (${missing.join(', ')})`;
      this.remaining(this.scenario.steps, 'not-applicable', reason, steps);
      return this.result(started, steps, 'not-applicable', reason);
    }
    if (this.scenario.besoins?.includes('cfa2') && !this.target.cfaKey2) {
      // Out of the declared scope, as a capability not declared: the operator gave no second CFA to isolate.
      const reason = "hors du périmètre déclaré : nécessite la clé d'un second CFA (--cfa-key-2)";
      this.remaining(this.scenario.steps, 'not-applicable', reason, steps);
      return this.result(started, steps, 'not-applicable', reason);
    }
    let remplacees: ReadonlySet<string> = new Set();
    try {
      await this.prepareDates();
      remplacees = await this.depuisLaRecette(steps);
    } catch (error) {
      if (error instanceof TargetUnreachableError) throw error;
      // The recette's dossiers do not fit (all invoiced, none engaged): not judged, and the report says why.
      const outcome = error instanceof DepartImpossible ? 'skip' : 'error';
      const reason = `préparation impossible : ${(error as Error).message}`;
      this.remaining(this.scenario.steps.filter((st) => !steps.some((r) => r.id === st.id)), outcome, reason, steps);
      return this.result(started, steps, outcome, reason);
    }
    return this.playFrom(0, steps, started, remplacees);
  }

  /**
   * Starts from a dossier the recette names (scenario `depart`, issue 18 §2): the next one, in turn, that reads ENGAGE
   * with an échéance open and not invoiced. The steps it replaces are not played here (their rules are judged by the
   * scenarios that deposit). None fit: the scenario is skipped, saying so.
   */
  private async depuisLaRecette(steps: StepRun[]): Promise<ReadonlySet<string>> {
    const depart = this.scenario.depart?.dossierEngage;
    const dossiers = this.target.recette?.dossiersEngages ?? [];
    if (!depart || dossiers.length === 0) return new Set();
    const t0 = Date.now();
    const tour = this.options.dossiersRecette ?? { prochain: 0 };
    const vus: string[] = [];
    for (let k = 0; k < dossiers.length; k++) {
      const numero = dossiers[(tour.prochain + k) % dossiers.length]!;
      const path = `/v2/dossiers?numeroInterne=${encodeURIComponent(numero)}`;
      const step: Step = { id: 'depart-recette', request: { method: 'GET', path } };
      const headers = this.headersFor(step.request!, false);
      const res = await this.envoi.send('GET', path, headers, undefined, step);
      const lu = this.lectureTolerante('GET', path, res);
      this.juge.judge(step, this.juge.record(step, 'GET', path, headers, undefined, res, undefined), undefined);
      const libre = isDossier(lu) && valueAt(lu, 'cerfa.etat') === 'ENGAGE' ? echeanceLibre(lu, this.today) : undefined;
      if (!libre || libre.dateOuverture.slice(0, 10) > this.today) {
        vus.push(`${numero} (${res.status}${isDossier(lu) ? `, ${String(valueAt(lu, 'cerfa.etat'))}${libre ? `, échéance ${libre.numero} ouverte le ${libre.dateOuverture.slice(0, 10)}` : ', aucune échéance libre'}` : ''})`);
        continue;
      }
      tour.prochain = (tour.prochain + k + 1) % dossiers.length;
      this.donnees.captures.numeroInterne = numero;
      this.donnees.captures[depart.capture] = lu;
      steps.push({ id: 'depart-recette', outcome: 'pass', durationMs: Date.now() - t0, status: res.status });
      const remplacees = this.scenario.steps.filter((st) => depart.remplace.includes(st.id));
      this.remaining(remplacees, 'not-applicable', `remplacée par le dossier de recette ${numero}`, steps);
      return new Set(depart.remplace);
    }
    throw new DepartImpossible(`aucun dossier de recette engagé avec une échéance ouverte non facturée : ${vus.join(' ; ')}`);
  }

  /** What this runner holds, to play on later from a pending step (`--resume`). */
  private etat(): EtatDuJoueur {
    return { ...this.donnees.etat(), etatsLus: [...this.etatsLus.entries()] };
  }

  /**
   * Plays on a scenario left pending by an earlier run (issue 18 §3), from the step it waited at, with what it had
   * captured. The steps and judgements before that step are kept; today is the real today again.
   */
  async resume(previous: ScenarioRun): Promise<ScenarioRun> {
    const { pending, etat } = previous;
    if (!pending || !etat) return previous;
    const started = Date.now() - previous.durationMs;
    this.donnees.restaurer(etat);
    for (const [k, v] of etat.etatsLus) this.etatsLus.set(k, v);
    const again = new Set(this.scenario.steps.slice(pending.index).map((st) => st.id));
    this.attenteDepuis = Date.parse(pending.depuis);
    this.juge.judgements.push(...previous.judgements.filter((j) => !j.pending && !again.has(j.step)));
    const steps = previous.steps.filter((st) => !again.has(st.id));
    return this.playFrom(pending.index, steps, started);
  }

  private result(started: number, steps: StepRun[], outcome: StepRun['outcome'], reason?: string): ScenarioRun {
    return { scenario: this.scenario, outcome, ...(reason ? { reason } : {}), durationMs: Date.now() - started, steps, judgements: this.juge.judgements };
  }

  /** Plays the steps from `from` on (0, or where a resumed scenario was pending); `remplacees` were played by the recette. */
  private async playFrom(from: number, steps: StepRun[], started: number, remplacees: ReadonlySet<string> = new Set()): Promise<ScenarioRun> {
    for (const [i, step] of this.scenario.steps.entries()) {
      if (i < from || remplacees.has(step.id)) continue;
      const t0 = Date.now();
      const outcome: Omit<StepRun, 'id' | 'durationMs'> = await this.playStep(step).catch((error: unknown) => {
        if (error instanceof TargetUnreachableError) throw error;
        if (error instanceof HorsRecetteError) return { outcome: 'not-applicable' as const, reason: error.message };
        if (error instanceof PasJouable) return { outcome: 'skip' as const, reason: error.message };
        return { outcome: 'error' as const, reason: (error as Error).message };
      });
      steps.push({ id: step.id, durationMs: Date.now() - t0, ...outcome });
      if (outcome.outcome !== 'pass') {
        if (outcome.outcome === 'not-applicable') {
          // A datum the recette does not declare: the rest of the scenario is out of the declared scope.
          const reason = outcome.reason ?? 'hors de la recette déclarée';
          for (const ruleId of rulesOfStep(step)) this.juge.judgements.push({ ruleId, scenario: this.scenario.id, step: step.id, result: { outcome: 'not-applicable', reason } });
          this.remaining(this.scenario.steps.slice(i + 1), 'not-applicable', reason, steps);
          return this.result(started, steps, 'not-applicable', reason);
        }
        const why = outcome.outcome === 'skip' ? outcome.reason ?? 'étape ignorée' : `étape « ${step.id} » : ${outcome.outcome}${outcome.reason ? ` (${outcome.reason})` : ''}`;
        const pending = outcome.pending !== undefined;
        for (const ruleId of rulesOfStep(step)) {
          if (!this.juge.judgements.some((j) => j.step === step.id && j.ruleId === ruleId)) {
            this.juge.judgements.push({ ruleId, scenario: this.scenario.id, step: step.id, result: outcome.outcome === 'error' ? { outcome: 'error', reason: why } : { outcome: 'skip', reason: why }, ...(outcome.waited ? { waited: true } : {}), ...(pending ? { pending } : {}) });
          }
        }
        this.remaining(this.scenario.steps.slice(i + 1), 'skip', pending ? why : `non jouée : ${why}`, steps, pending);
        const run = this.result(started, steps, outcome.outcome === 'fail' ? 'fail' : outcome.outcome, why);
        return outcome.pending ? { ...run, pending: { ...outcome.pending, step: step.id, index: i }, etat: this.etat() } : run;
      }
    }
    return this.result(started, steps, 'pass');
  }

  /** Marks steps as not played; the rules they name get the same outcome and reason. */
  private remaining(list: Step[], outcome: 'skip' | 'not-applicable' | 'error', reason: string, steps: StepRun[], pending = false): void {
    for (const step of list) {
      steps.push({ id: step.id, outcome, durationMs: 0, reason });
      for (const ruleId of rulesOfStep(step)) {
        this.juge.judgements.push({ ruleId, scenario: this.scenario.id, step: step.id, result: outcome === 'not-applicable' ? { outcome, reason } : { outcome: outcome === 'error' ? 'error' : 'skip', reason }, ...(pending ? { pending } : {}) });
      }
    }
  }

  /**
   * Generated CERFAs are drawn around a date of their own: on the mock the clock is set to that date; on a real
   * server the payload is moved by whole years so that it is sent around the server's today.
   */
  private async prepareDates(): Promise<void> {
    this.donnees.recordIndex = this.donnees.choisirRecord();
    const record = generateRecord('cerfa', this.options.seed, this.donnees.recordIndex);
    const sendDay = record.context.today ?? this.today;
    if (this.target.adminToken) {
      await this.admin({ now: `${sendDay}T09:00:00Z` });
      this.today = sendDay;
    } else {
      const years = Number(this.today.slice(0, 4)) - Number(sendDay.slice(0, 4));
      this.donnees.yearShift = years;
    }
  }

  private headersFor(spec: RequestSpec, hasBody: boolean): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (hasBody) headers['content-type'] = 'application/json';
    const auth = spec.auth ?? 'cfa';
    if (auth === 'cfa') headers['x-api-key'] = this.target.cfaKey;
    else if (auth === 'cfa2') headers['x-api-key'] = this.target.cfaKey2 ?? '';
    else if (auth === 'cle-inconnue') headers['x-api-key'] = `inconnue-${this.options.runId}-0000`;
    const editor = { EDITEUR: this.target.editor.editeur, LOGICIEL: this.target.editor.logiciel, VERSION: this.target.editor.version };
    for (const [name, value] of Object.entries(editor)) if (!spec.sansEntetes?.includes(name as keyof typeof editor)) headers[name.toLowerCase()] = value;
    for (const [name, value] of Object.entries(spec.entetes ?? {})) if (!SECRET.test(name)) headers[name.toLowerCase()] = value;
    return headers;
  }

  private plantContext(): RuleContext {
    const dossiers = this.donnees.dossiers();
    return {
      today: this.today,
      dossiers,
      facturesConnues: [],
      siretsConnus: [...new Set(dossiers.flatMap((d) => d.echeances.map((e) => e.siret)))],
    };
  }

  /**
   * A payload rule's plant on a body. A deposit body's rules judge its inner CERFA with `YYYY-MM-DD` dates: the
   * plant works there and the body keeps its other members.
   */
  private plant(ruleId: string, body: unknown): unknown {
    const rule = findRule(ruleId) as Rule<any> | undefined;
    if (!rule) throw new Error(`plant: unknown rule '${ruleId}'`);
    const enveloppe = estEnveloppeCerfa(body) && (rule.appliesTo as readonly string[]).includes('cerfa');
    const cible = enveloppe ? datesEnPartieDate(body.cerfa) : body;
    const planted = rule.plant(cible, this.plantContext()).payload as unknown;
    if (JSON.stringify(planted) === JSON.stringify(cible)) {
      throw new Error(`plant: la règle ${ruleId} ne se plante que dans le contexte de l'OPCO ; le scénario doit construire cet état lui-même`);
    }
    return enveloppe ? { ...body, cerfa: planted } : planted;
  }

  /** The request body: rendered template, overrides, then the plant of one payload rule. */
  private buildBody(spec: RequestSpec): { text?: string; recorded?: unknown } {
    if (spec.rawBody !== undefined) return { text: spec.rawBody, recorded: spec.rawBody };
    if (spec.bodyBytes !== undefined) {
      const head = '{"numeroInterne":"TROP-GROS","remplissage":"';
      // Above the OPCO's declared limit when the recette gives one, else the scenario's size (the norm's).
      const bytes = this.target.recette?.corpsMaxOctets !== undefined ? this.target.recette.corpsMaxOctets + 1024 : spec.bodyBytes;
      const text = `${head}${'x'.repeat(Math.max(0, bytes - head.length - 2))}"}`;
      return { text, recorded: `(corps JSON de ${text.length} octets)` };
    }
    if (spec.body === undefined) return {};
    let body = render(spec.body, this.resolve);
    for (const [path, value] of Object.entries(spec.overrides ?? {})) body = setAt(body, path, render(value, this.resolve));
    if (spec.plant) body = this.plant(spec.plant, body);
    return { text: JSON.stringify(body), recorded: body };
  }

  private get particularites(): ParticularitesCible {
    return this.target.particularites ?? {};
  }

  /** Notes the dossier state this answer shows; a step expecting a state gets the states read before it. */
  private avecEtatsLus(expected: AttenteEchange | undefined, lu: unknown): AttenteEchange | undefined {
    const etat = valueAt(lu, 'cerfa.etat');
    const numero = valueAt(lu, 'cerfa.numeroInterne') ?? valueAt(lu, 'numeroInterne');
    if (typeof etat !== 'string' || typeof numero !== 'string') return expected;
    const lus = this.etatsLus.get(numero) ?? [];
    this.etatsLus.set(numero, [...lus, etat]);
    return expected?.etat !== undefined ? { ...expected, etatsLus: lus } : expected;
  }

  /** An answer read to build the next requests: every quirk tolerated, declared or not (particularites.ts). */
  private lectureTolerante(method: string, path: string, res: Response): unknown {
    return reponseALaNorme(method, path, res.status, res.body, LECTURE_TOLERANTE);
  }

  /** Moves the mock's clock (admin API); the suite's today follows it. */
  private async admin(body: Record<string, string>): Promise<void> {
    const now = await this.envoi.horloge(body);
    if (now !== undefined) this.today = now;
  }

  /** Values put into a path are URL-encoded (names with accents or spaces in the appairage query). */
  private renderPath(template: string): string {
    return String(render(template, (expression) => encodeURIComponent(String(this.resolve(expression)))));
  }

  private async playStep(step: Step): Promise<Omit<StepRun, 'id' | 'durationMs'>> {
    if (step.wait) return this.wait(step);
    const spec = step.request!;
    const path = this.renderPath(spec.path);
    const { text, recorded } = this.buildBody(spec);
    const headers = this.headersFor(spec, text !== undefined);
    if (step.pages) return this.pages(step, spec, path, headers);
    const res = spec.bodyBytes !== undefined ? await this.envoi.sendLarge(spec.method, path, headers, text ?? '') : await this.envoi.send(spec.method, path, headers, text, step);
    const throttled = toujours429(res);
    if (throttled) return { outcome: 'skip', status: 429, reason: throttled };
    const lu = this.lectureTolerante(spec.method, path, res);
    const echange = this.juge.record(step, spec.method, path, headers, recorded, res, this.avecEtatsLus(this.expected(step, {}, spec.method, path), lu));
    this.juge.judge(step, echange, text, false, res.renvois);
    for (const [name, jsonPath] of Object.entries(step.capture ?? {})) {
      const value = valueAt(lu, jsonPath);
      if (value === undefined) return { outcome: 'fail', status: res.status, reason: `capture « ${name} » : ${jsonPath} absent de la réponse ${res.status}` };
      this.donnees.captures[name] = value;
    }
    return this.juge.stepOutcome(step, res.status);
  }

  private expected(step: Step, extra: Partial<AttenteEchange> = {}, method = step.request?.method ?? 'GET', path = ''): AttenteEchange | undefined {
    const e = step.expect;
    const plant = step.request?.plant;
    if (!e && !plant) return undefined;
    const regles = rulesOfStep(step);
    const declared = statusList(e?.status !== undefined ? render(e.status, this.resolve) : undefined);
    const status = statutsAcceptes(method, path, declared, this.particularites) ?? (e ? undefined : [400, 409, 422]);
    const plantRule = plant ? findRule(plant) : undefined;
    // A planted step without its own expectations: the server refuses it with the rule's code.
    const codes = e?.codes ?? (plantRule && !e ? [ruleCode(plantRule)] : undefined);
    return {
      regles,
      ...(status ? { status } : {}),
      ...(codes ? { codes } : {}),
      ...(e?.champs ? { champs: Object.fromEntries(Object.entries(render(e.champs, this.resolve) as Record<string, unknown>).map(([k, v]) => [String(render(k, this.resolve)), v])) } : {}),
      ...(e?.etat ? { etat: String(render(e.etat, this.resolve)) } : {}),
      ...(plant ? { plant } : {}),
      ...(e?.absents ? { absents: render(e.absents, this.resolve) as string[] } : {}),
      ...(e?.numeroInterne ? { numeroInterne: String(render(e.numeroInterne, this.resolve)) } : {}),
      ...extra,
    };
  }

  /** Walks numeroPage=1, 2, … until an empty page or `total` elements (at most 20 pages); the last page carries the count. */
  private async pages(step: Step, spec: RequestSpec, path: string, headers: Record<string, string>): Promise<Omit<StepRun, 'id' | 'durationMs'>> {
    const base = path.replace(/[?&]numeroPage=\d+/, '');
    const sep = base.includes('?') ? '&' : '?';
    let seen = 0;
    let last: { res: Response; echange: Echange } | undefined;
    for (let page = 1; page <= 20; page++) {
      const pagePath = `${base}${sep}numeroPage=${page}`;
      const res = await this.envoi.send(spec.method, pagePath, headers, undefined, step);
      const throttled = toujours429(res);
      if (throttled) return { outcome: 'skip', status: 429, reason: throttled };
      // A page wrapped in a one-element array is read as the page, declared or not.
      const lu = this.lectureTolerante(spec.method, pagePath, res);
      const liste = valueAt(lu, 'EtatDossierResult') ?? valueAt(lu, 'factures');
      const count = Array.isArray(liste) ? liste.length : 0;
      seen += count;
      const total = Number(valueAt(lu, 'total'));
      const end = res.status !== 200 || count === 0 || seen >= total;
      const echange = this.juge.record(step, spec.method, pagePath, headers, undefined, res, this.expected(step, end && page < 20 ? { cumul: seen } : {}, spec.method, pagePath));
      this.juge.judge(step, echange, undefined, false, res.renvois);
      last = { res, echange };
      if (end) break;
    }
    const lu = last ? this.lectureTolerante(spec.method, path, last.res) : undefined;
    for (const [name, jsonPath] of Object.entries(step.capture ?? {})) this.donnees.captures[name] = valueAt(lu, jsonPath);
    return this.juge.stepOutcome(step, last?.res.status ?? 0);
  }

  /**
   * A wait is a condition (issue 18 §2). With the admin clock: move it by `advance`, then set it to the day a calendar
   * condition holds if still before. Without it: a calendar condition not yet true leaves the scenario pending (to
   * resume on that day); a state condition is polled up to the declared delay, then left pending too.
   */
  private async wait(step: Step): Promise<Omit<StepRun, 'id' | 'durationMs'>> {
    const wait = step.wait!;
    if (this.target.adminToken) {
      if (wait.advance !== undefined) await this.admin({ advance: wait.advance });
      const attendu = this.jourAttendu(wait);
      if (attendu && this.today < attendu.jour) await this.admin({ now: `${attendu.jour}T09:00:00Z` });
      return { outcome: 'pass' };
    }
    const attendu = this.jourAttendu(wait);
    if (attendu && this.today < attendu.jour) {
      return { outcome: 'skip', waited: true, pending: { depuis: new Date().toISOString(), jusquau: attendu.jour }, reason: `en attente du calendrier : ${attendu.quoi} (${attendu.jour})` };
    }
    if (!wait.until) return { outcome: 'pass', waited: true };
    const path = this.renderPath(wait.until.path);
    const valeurs = render(wait.until.valeurs, this.resolve) as unknown[];
    const champ = String(render(wait.until.champ, this.resolve));
    // A resumed wait counts from when it first waited; the scenario's later waits from their own start.
    const depuis = this.attenteDepuis ?? Date.now();
    this.attenteDepuis = undefined;
    const { limitMs, annonce, echu } = this.limiteAttente(wait, depuis);
    const deadline = Date.now() + limitMs;
    for (;;) {
      const res = await this.envoi.send('GET', path, this.headersFor({ method: 'GET', path }, false), undefined, step);
      const lu = this.lectureTolerante('GET', path, res);
      // A poll is a reading too: the lifecycle rule judges the next state read after it.
      this.avecEtatsLus(undefined, lu);
      const value = valueAt(lu, champ);
      if (valeurs.some((v) => JSON.stringify(v) === JSON.stringify(value))) return { outcome: 'pass', status: res.status, waited: true };
      if (Date.now() >= deadline) {
        // The OPCO's own declared delay is over: what it shows now is its answer, and the next steps judge it
        // (a payment of the wrong amount fails its rule instead of waiting forever).
        if (echu) return { outcome: 'pass', status: res.status, waited: true };
        return {
          outcome: 'skip',
          status: res.status,
          waited: true,
          pending: { depuis: new Date(depuis).toISOString() },
          reason: `en attente : ${champ} ∈ ${JSON.stringify(valeurs)} non atteint après ${limitMs < 1000 ? `${limitMs} ms` : `${Math.round(limitMs / 1000)} s`}${annonce} (dernière valeur ${JSON.stringify(value)})`,
        };
      }
      await this.envoi.sleep(this.options.pollIntervalMs);
    }
  }

  /**
   * How long a state wait polls: the OPCO's declared delay for it (recette `delais`) with a margin of two polls, else
   * the scenario's timeout; never more than --max-wait. Past a declared delay (`echu`) the wait ends and the next
   * steps judge what the server shows; past any other limit the scenario is pending. A declared delay beyond
   * --max-wait is not polled for: the
   * scenario is left pending at once, to resume after the delay.
   */
  private limiteAttente(wait: WaitSpec, depuis: number): { limitMs: number; annonce: string; echu: boolean } {
    const max = this.options.maxWaitMs ?? Infinity;
    const declare = wait.delai !== undefined ? this.target.delais?.[wait.delai] : undefined;
    if (declare !== undefined) {
      const ms = dureeMs(declare);
      const annonce = ` (délai déclaré par l'OPCO : ${declare})`;
      const reste = Math.max(0, ms - (Date.now() - depuis));
      if (reste > max) return { limitMs: 0, annonce, echu: false };
      const limitMs = reste + 2 * this.options.pollIntervalMs;
      return limitMs <= max ? { limitMs, annonce, echu: true } : { limitMs: max, annonce, echu: false };
    }
    return { limitMs: Math.min((wait.timeout ?? 600) * 1000, max), annonce: '', echu: false };
  }

  /** The day a wait's calendar condition holds (attente.ts), undefined for a wait on a state alone. */
  private jourAttendu(wait: WaitSpec): JourAttendu | undefined {
    return jourAttendu(wait, (t) => render(t, this.resolve), (name) => this.donnees.dossierCapture(name), (name) => this.donnees.numeroLibre(name));
  }

}

/** The recette names dossiers, but none can start the scenario. */
class DepartImpossible extends Error {}
