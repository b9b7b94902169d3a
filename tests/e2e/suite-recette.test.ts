// `convergence test opco --recette`, run as an OPCO's developer would, against an OPCO server written outside the kit from the public description (tests/support/opco-recette.mjs).
//
// The server has no admin API: it instructs on wall-clock time (300 ms, 600 ms), pays after 2.5 s, starts with three
// engaged dossiers named in the recette, and refuses two FAQ reasons under its own codes (declared in `codes`).
// Conformant, it passes with every rule of the declared scope evaluated; each planted fault fails the rule guarding it.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../support/process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVEUR = join(ROOT, 'tests/support/opco-recette.mjs');

interface Opco { url: string; dossiersEngages: string[]; close(): Promise<void> }
interface Cfa { cle: string; siret: string; uai: string; iban: string }
type Demarrer = (options: { cfas: Cfa[]; faute?: string; instruction?: [number, number]; paiement?: number }) => Promise<Opco>;

const CFAS: Cfa[] = [
  { cle: 'cle-recette-a', siret: '51205716700094', uai: '0446892C', iban: 'FR7630004008230001234567819' },
  { cle: 'cle-recette-b', siret: '84395551900064', uai: '0690298Z', iban: 'FR7930003012340009876543210' },
];

/** The invoice scenarios that can start from the recette's engaged dossiers, two more invoice refusals, and the lifecycle up to a decision. */
const SCENARIOS_CONFORMES = [
  'facture-corrigee-acceptee', 'facture-refus-motif-lisible', 'facture-reglee-montant-regle', 'facture-rejet-deja-connue',
  'facture-rejet-iban-absent', 'facture-rejet-iban-different', 'facture-rejet-montant-echeance', 'facture-rejet-montant',
  'facture-rejet-numero-echeance', 'facture-rejet-numero-externe-absent', 'facture-rejet-siret-different',
  'facture-rejet-siret-inconnu', 'facture-rejet-total-lignes', 'facture-suivi-en-cours',
  'facture-rejet-echeance-non-ouverte', 'facture-rejet-contrat-2019', 'cycle-decision-vingt-jours', 'cycle-dossier-non-modifiable',
  'isolation-autre-cfa', 'pagination-etats-factures', 'pagination-etats-dossiers',
];

interface Regle { ruleId: string; outcome: string }
interface Rapport {
  evaluation: { inScope: number; evaluated: number; notEvaluated: number; pending?: number };
  rules: Regle[];
  scenarios: { id: string; outcome: string; pending?: unknown }[];
}
interface Run { code: number | null; sortie: string; rapport: Rapport; ms: number }

const dir = mkdtempSync(join(tmpdir(), 'suite-recette-'));
let demarrer: Demarrer;
const serveurs: Opco[] = [];

function recette(opco: Opco): string {
  return `version: 1
opco: OPCO Recette (hors kit)
cible: ${opco.url}
capacites: [v2, dossiers, factures, facturesEtats]
statutNumeroInterneInconnu: 404
cfas:
  - cle: { env: RECETTE_CLE_CFA }
    siret: "${CFAS[0]!.siret}"
    uai: "${CFAS[0]!.uai}"
    dossiersEngages: [${opco.dossiersEngages.join(', ')}]
  - cle: ${CFAS[1]!.cle}
referentiels:
  certificationsActives: [RNCP35340, RNCP34251]
  siretInconnu: "49100000100009"
codes:
  IBAN_ABSENT: [ERR_IBAN]
  TOTAL_DIFFERENT_SOMME_LIGNES: [ERR_TOTAL_LIGNES]
delais:
  instruction: PT2S
  paiement: PT4S
`;
}

/** Starts a fresh server (with `faute` planted), copies the chosen scenarios into a directory and runs the CLI on it. */
async function jouer(nom: string, scenarios: string[], faute?: string): Promise<Run> {
  const opco = await demarrer({ cfas: CFAS, faute, instruction: [300, 600], paiement: 2500 });
  serveurs.push(opco);
  const ici = join(dir, nom);
  mkdirSync(join(ici, 'scenarios'), { recursive: true });
  for (const s of scenarios) copyFileSync(join(ROOT, 'scenarios', `${s}.yaml`), join(ici, 'scenarios', `${s}.yaml`));
  writeFileSync(join(ici, 'recette.yaml'), recette(opco));
  const args = ['test', 'opco', '--recette', join(ici, 'recette.yaml'), '--scenarios', join(ici, 'scenarios'), '--out', join(ici, 'out'),
    '--format', 'json', '--poll-interval', '0.2', '--max-wait', '20', '--no-progress'];
  const debut = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, RECETTE_CLE_CFA: CFAS[0]!.cle }, stdio: ['ignore', 'pipe', 'pipe'] });
  let sortie = '';
  child.stdout.on('data', (c) => (sortie += String(c)));
  child.stderr.on('data', (c) => (sortie += String(c)));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const rapport = JSON.parse(readFileSync(join(ici, 'out', 'report.json'), 'utf8')) as Rapport;
  return { code, sortie, rapport, ms: Date.now() - debut };
}

const issue = (run: Run, regle: string) => run.rapport.rules.find((r) => r.ruleId === regle)?.outcome;
const echecs = (run: Run) => run.rapport.rules.filter((r) => r.outcome === 'fail').map((r) => r.ruleId);

// Every run starts together: each waits mostly on the server's delays, so in parallel they take the time of the longest.
let runs: Record<'conforme' | 'cycle' | 'iban' | 'sansCode' | 'enCours' | 'montantRegle', Run>;

beforeAll(async () => {
  demarrer = ((await import(pathToFileURL(SERVEUR).href)) as { demarrerOpco: Demarrer }).demarrerOpco;
  const [conforme, cycle, iban, sansCode, enCours, montantRegle] = await Promise.all([
    jouer('conforme', SCENARIOS_CONFORMES),
    jouer('cycle', ['contrat-cycle-complet']),
    jouer('iban', ['facture-rejet-iban-different'], 'iban-non-controle'),
    jouer('sans-code', ['facture-rejet-total-lignes', 'facture-rejet-iban-absent'], 'rejet-sans-code'),
    jouer('en-cours', ['facture-reglee-montant-regle'], 'en-cours-conserve'),
    jouer('montant-regle', ['facture-reglee-montant-regle'], 'reglement-different'),
  ]);
  runs = { conforme: conforme!, cycle: cycle!, iban: iban!, sansCode: sansCode!, enCours: enCours!, montantRegle: montantRegle! };
}, 90_000);

afterAll(async () => {
  await Promise.all(serveurs.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('test opco --recette against a conformant server written outside the kit', () => {
  it('exits 0 with every rule of the declared scope evaluated, invoices included', () => {
    const { code, sortie, rapport } = runs.conforme;
    expect(code, sortie).toBe(0);
    expect(sortie).toContain('CONFORMANT');
    expect(rapport.evaluation.notEvaluated, sortie).toBe(0);
    expect(rapport.evaluation.evaluated).toBe(rapport.evaluation.inScope);
    expect(echecs(runs.conforme)).toEqual([]);
    // The scenarios named their rules: each was judged, none left to "not applicable".
    for (const regle of ['serveur-facture-acceptee', 'serveur-facture-reglement', 'serveur-facture-suivi-echeancier', 'serveur-facture-refus-motif',
      'serveur-cycle-de-vie', 'serveur-isolation-dossier', 'serveur-isolation-etats', 'facture-iban-emetteur-renseigne', 'facture-total-egal-somme-lignes',
      'facture-iban-identique-echeance', 'facture-deja-connue', 'facture-montant-attendu', 'facture-montant-echeance-attendu', 'facture-numero-echeance-connu',
      'facture-numero-externe-renseigne', 'facture-siret-identique-echeance', 'facture-siret-emetteur-connu', 'facture-echeance-ouverte',
      'facture-contrat-conclu-depuis-2020']) {
      expect(issue(runs.conforme, regle), regle).toBe('pass');
    }
  });

  it('judges the lifecycle and the échéancier; the contract\'s end is months away, so the run is pending, not failed', () => {
    const { code, sortie, rapport } = runs.cycle;
    for (const regle of ['serveur-cycle-de-vie', 'serveur-engage-numero-deca', 'serveur-numero-deca-format', 'serveur-echeancier-repartition', 'serveur-facture-acceptee']) {
      expect(issue(runs.cycle, regle), `${regle}\n${sortie}`).toBe('pass');
    }
    expect(echecs(runs.cycle)).toEqual([]);
    expect(issue(runs.cycle, 'serveur-dossier-solde')).toBe('skip');
    expect(rapport.scenarios[0]?.pending).toBeDefined();
    expect(code).toBe(1);
    expect(sortie).toContain('PENDING');
  });
});

describe('each planted fault fails the rule that guards it', () => {
  it('an invoice whose IBAN differs from the échéance\'s, accepted: facture-iban-identique-echeance', () => {
    expect(runs.iban.code, runs.iban.sortie).toBe(1);
    expect(echecs(runs.iban)).toEqual(['facture-iban-identique-echeance']);
  });

  it('refusals without the reason\'s code: the rules of the reasons planted', () => {
    expect(runs.sansCode.code, runs.sansCode.sortie).toBe(1);
    expect(echecs(runs.sansCode).sort()).toEqual(['facture-iban-emetteur-renseigne', 'facture-total-egal-somme-lignes']);
  });

  it('a payment that leaves the amount en cours d\'instruction: serveur-facture-reglement', () => {
    expect(runs.enCours.code, runs.enCours.sortie).toBe(1);
    expect(echecs(runs.enCours)).toContain('serveur-facture-reglement');
  });

  // Once the OPCO's declared payment delay is over, what it shows is its answer: a payment of another amount than
  // invoiced (the invoice REGLE, nothing en cours) fails the rule instead of waiting for time.
  it('a payment of another amount than invoiced fails serveur-facture-reglement', () => {
    expect(runs.montantRegle.code).toBe(1);
    expect(echecs(runs.montantRegle)).toContain('serveur-facture-reglement');
  });
});
