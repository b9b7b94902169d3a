// What a scenario holds while it plays: its generated contract, what it captured, the invoices it numbered and the
// échéances it chose; and how the scenario's templates read them (`{{facture dossier libre}}`, `{{recette.…}}`).
import type { DossierLu } from '../model/dossier.js';
import { enveloppeCerfa } from '../model/depot-cerfa.js';
import type { Cerfa } from '../model/payloads.js';
import { valueAt } from '../rules/serveur/support.js';
import { commeUnLogiciel, generateRecord } from '../generate/index.js';
import { echeanceLibre } from './attente.js';
import { conventionDe, factureDe, factureSoldeDe, FRAIS_VALIDES } from './builders.js';
import { cerfaDecale } from './decalage.js';
import { HorsRecetteError, REFERENTIELS_DU_MOCK } from './recette.js';
import { cerfaPourLaRecette } from './recette-cerfa.js';
import type { Scenario } from './scenario.js';
import { lookup } from './template.js';
import type { EtatDuJoueur, RunOptions, Target } from './types.js';

/** The data the scenario holds cannot play the step (no échéance left to open): skipped, saying why. */
export class PasJouable extends Error {}

export const isDossier = (value: unknown): value is DossierLu =>
  value !== null && typeof value === 'object' && 'cerfa' in value && Array.isArray((value as DossierLu).echeances);

export class DonneesDuScenario {
  captures: Record<string, unknown> = {};
  private cerfas = new Map<string, Cerfa>();
  private factureCount = 0;
  /** The échéance invoiced on each captured dossier (`{{facture dossier libre}}`, `ouverture: dossier`). */
  private readonly libres = new Map<string, number>();
  /** Whole years the generated contract is moved by (a real server's today; decalage.ts). */
  yearShift = 0;
  /** The generated record of this scenario (see choisirRecord). */
  recordIndex = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly index: number,
    private readonly target: Target,
    private readonly options: Pick<RunOptions, 'seed' | 'runId'>,
    /** The run's today: the admin clock's day on the mock, the real day on a server. */
    private readonly today: () => string,
  ) {}

  /** Every captured dossier (the plants' context). */
  dossiers(): DossierLu[] {
    return Object.values(this.captures).filter(isDossier);
  }

  /** What it holds, to play on later from a pending step (`--resume`). */
  etat(): Omit<EtatDuJoueur, 'etatsLus'> {
    return {
      captures: structuredClone(this.captures),
      cerfas: [...this.cerfas.entries()],
      factureCount: this.factureCount,
      yearShift: this.yearShift,
      recordIndex: this.recordIndex,
      libres: [...this.libres.entries()],
    };
  }

  restaurer(etat: EtatDuJoueur): void {
    this.captures = structuredClone(etat.captures);
    this.cerfas = new Map(etat.cerfas as [string, Cerfa][]);
    this.factureCount = etat.factureCount;
    this.yearShift = etat.yearShift;
    this.recordIndex = etat.recordIndex;
    for (const [k, v] of etat.libres) this.libres.set(k, v);
  }


  /**
   * Record `index × 4` of the seed; for a scenario about contracts concluded from a date (`concluDepuis`), the first
   * of its own draws concluded by then: that record, then records 1 000 000 + index × 64 + k, which no other scenario uses.
   */
  choisirRecord(): number {
    const depuis = this.scenario.concluDepuis;
    if (depuis === undefined) return this.index * 4;
    const candidats = [this.index * 4, ...Array.from({ length: 63 }, (_, k) => 1_000_000 + this.index * 64 + k)];
    const trouve = candidats.find((i) => generateRecord('cerfa', this.options.seed, i).payload.contrat.dateConclusion >= depuis);
    if (trouve === undefined) throw new Error(`aucun contrat généré conclu à partir du ${depuis}`);
    return trouve;
  }

  /**
   * The scenario's CERFA (the inner object, `YYYY-MM-DD` dates): one generated record, numbered for this run,
   * moved to the target's dates. `{{generate.cerfa}}` sends it as the deposit body `{"cerfa": …}`.
   */
  cerfa(): Cerfa {
    let cerfa = this.cerfas.get('cerfa');
    if (!cerfa) {
      const record = generateRecord('cerfa', this.options.seed, this.recordIndex);
      cerfa = cerfaPourLaRecette(cerfaDecale({ ...record.payload, numeroInterne: `${this.options.runId}-${this.index}` }, this.yearShift), this.target.recette, this.index);
      this.cerfas.set('cerfa', cerfa);
    }
    return cerfa;
  }

  readonly resolve = (expression: string): unknown => {
    const [head = '', ...args] = expression.trim().split(/\s+/);
    if (head === 'facture' || head === 'facture-frais') {
      const dossier = lookup({ capture: this.captures }, `capture.${args[0] ?? ''}`);
      if (!isDossier(dossier)) throw new Error(`{{${expression}}}: capture '${args[0]}' is not a dossier`);
      const numero = args[1] === 'libre' ? this.numeroLibre(args[0] ?? '') : args[1] === 'fermee' ? this.numeroFerme(args[0] ?? '') : Number(args[1] ?? 1);
      // `#name` is a stable number within the run (sent twice on purpose); a capture name reuses a number read back.
      const ref = args[2];
      const reference = ref === undefined ? `F${this.options.runId}-${this.index}-${++this.factureCount}` : ref.startsWith('#') ? `F${this.options.runId}-${this.index}-${ref.slice(1)}` : String(lookup({ capture: this.captures }, `capture.${ref}`));
      return factureDe(dossier, reference, numero, this.today(), head === 'facture-frais' ? FRAIS_VALIDES : []);
    }
    // The échéance the scenario invoices (the first not invoiced, attente.ts): a field of it, or its rank in the list.
    if (head === 'echeance' || head === 'rang') {
      const dossier = this.dossierCapture(args[0] ?? '');
      const numero = this.numeroLibre(args[0] ?? '');
      const rang = dossier.echeances.findIndex((e) => e.numero === numero);
      return head === 'rang' ? rang : valueAt(dossier.echeances[rang], args[1] ?? 'numero');
    }
    if (head === 'facture-solde') {
      const dossier = lookup({ capture: this.captures }, `capture.${args[0] ?? ''}`);
      if (!isDossier(dossier)) throw new Error(`{{${expression}}}: capture '${args[0]}' is not a dossier`);
      return factureSoldeDe(dossier, `F${this.options.runId}-${this.index}-${++this.factureCount}`, this.today());
    }
    if (head === 'convention') {
      const dossier = lookup({ capture: this.captures }, `capture.${args[0] ?? ''}`);
      if (!isDossier(dossier)) throw new Error(`{{${expression}}}: capture '${args[0]}' is not a dossier`);
      return conventionDe(dossier);
    }
    const [root, name] = head.split('.');
    if (root === 'generate') {
      // cerfa: the deposit body of the scenario's CERFA; cerfaLogiciel: the same contract written as third-party
      // software writes it (date-times, adresse2 "", département on three characters, no numeroInterne).
      if (name === 'cerfa') return lookup({ generate: { cerfa: enveloppeCerfa(this.cerfa()) } }, head);
      if (name === 'cerfaLogiciel') return lookup({ generate: { cerfaLogiciel: commeUnLogiciel(this.cerfa()) } }, head);
      throw new Error(`{{${expression}}}: unknown generator '${name}' (cerfa, cerfaLogiciel)`);
    }
    if (root === 'recette') return this.donneeRecette(name ?? '');
    return lookup({ capture: this.captures, run: { id: this.options.runId, today: this.today() }, profile: { statutInconnu: this.target.statutInconnu }, scenario: { id: this.scenario.id } }, head);
  };

  /** A reference datum of the recette (`{{recette.certificationInactive}}`); the mock's own when no recette is given. */
  private donneeRecette(name: string): unknown {
    const referentiels: Record<string, unknown> = this.target.recette ? { ...this.target.recette.referentiels } : { ...REFERENTIELS_DU_MOCK };
    const value = referentiels[name];
    if (value === undefined) throw new HorsRecetteError(`hors du périmètre déclaré : la recette ne déclare pas referentiels.${name}`);
    return value;
  }


  dossierCapture(name: string): DossierLu {
    const dossier = lookup({ capture: this.captures }, `capture.${name}`);
    if (!isDossier(dossier)) throw new Error(`capture '${name}' is not a dossier`);
    return dossier;
  }

  /** The first échéance of a captured dossier not yet open on today (moved dates may have opened the first ones). */
  numeroFerme(name: string): number {
    const echeance = this.dossierCapture(name).echeances.find((e) => e.dateOuverture.slice(0, 10) > this.today());
    if (!echeance) throw new PasJouable(`le dossier « ${name} » n'a plus d'échéance à ouvrir au ${this.today()}`);
    return echeance.numero;
  }

  /** The échéance a scenario invoices on a captured dossier (attente.ts echeanceLibre), chosen once per dossier. */
  numeroLibre(name: string): number {
    const known = this.libres.get(name);
    if (known !== undefined) return known;
    const echeance = echeanceLibre(this.dossierCapture(name), this.today());
    if (!echeance) throw new Error(`le dossier « ${name} » n'a plus d'échéance libre à facturer`);
    this.libres.set(name, echeance.numero);
    return echeance.numero;
  }
}
