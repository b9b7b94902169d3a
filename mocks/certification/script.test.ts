// The certification script: the bundled default as designed, and errors that name the file and the field.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PARAMETRES_PROTOCOLE_DEFAUT } from '../../conformance/model/session.js';
import { ENGINE_OPERATIONS } from '../app.js';
import { checkPlays } from './recorder.js';
import { defaultScriptPath, loadCertificationScript, playProblem, ScriptError } from './script.js';

const dir = mkdtempSync(join(tmpdir(), 'cert-script-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function errorOf(fn: () => unknown): ScriptError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScriptError) return error;
    throw error;
  }
  throw new Error('no ScriptError thrown');
}

describe('default script', () => {
  it('engages after a minute, and plays a 503 on a deposit, a 429 (Retry-After 2) then a 503 on each state read, a refused invoice', () => {
    const script = loadCertificationScript();
    expect(script.file).toBe(defaultScriptPath());
    expect(script.delais).toEqual({ instruction: 'PT30S', decision: 'PT1M', paiement: 'PT2M' });
    expect(script.parametres).toEqual(PARAMETRES_PROTOCOLE_DEFAUT);
    expect(script.plays.map((p) => [p.id, p.operation, p.occurrence, p.answer.status, p.answer.code])).toEqual([
      ['erreur-serveur-depot', 'POST /dossiers', 1, 503, 'SERVICE_INDISPONIBLE'],
      ['limite-debit-lecture', 'GET /dossiers', 1, 429, 'TROP_DE_REQUETES'],
      ['erreur-serveur-lecture', 'GET /dossiers', 2, 503, 'SERVICE_INDISPONIBLE'],
      ['limite-debit-etats', 'GET /dossiers/etats', 1, 429, 'TROP_DE_REQUETES'],
      ['erreur-serveur-etats', 'GET /dossiers/etats', 2, 503, 'SERVICE_INDISPONIBLE'],
      ['rejet-premiere-facture', 'POST /factures', 1, 400, 'FACTURE_REJETEE'],
    ]);
    expect(() => checkPlays(script, ENGINE_OPERATIONS)).not.toThrow();
    const problem = playProblem(script.plays[1]!);
    expect(problem.status).toBe(429);
    expect(problem.headers).toEqual({ 'retry-after': '2' });
    const refus = playProblem(script.plays[5]!).body();
    expect(refus.errors).toEqual([{ code: 'REFERENCE_FACTURE_REFUSEE', description: expect.stringMatching(/référence/), champ: 'referenceFactureCFA' }]);
  });

  it('fills what a minimal script leaves out', () => {
    const script = loadCertificationScript(write('minimal.yaml', 'plays: []\n'));
    expect(script).toMatchObject({ delais: {}, parametres: PARAMETRES_PROTOCOLE_DEFAUT, plays: [] });
    expect(loadCertificationScript(write('vide.yaml', '')).plays).toEqual([]);
  });
});

describe('script errors', () => {
  const cases: [string, string, string, RegExp][] = [
    ['unknown top-level field', 'pieces: 1\n', 'pieces', /unknown field/],
    ['bad duration', 'delais: { decision: 1 minute }\n', 'delais.decision', /ISO 8601/],
    ['bad threshold', 'parametres: { tempeteMaxRenvois: -1 }\n', 'parametres.tempeteMaxRenvois', />= 0/],
    ['bad pause', 'parametres: { pauseApresErreurMs: -5 }\n', 'parametres.pauseApresErreurMs', />= 0/],
    ['no read allowed', 'parametres: { lecturesMaxParSeconde: 0 }\n', 'parametres.lecturesMaxParSeconde', />= 1/],
    ['missing occurrence', 'plays: [{ id: a, operation: GET /dossiers, answer: { status: 429 } }]\n', 'plays[0].occurrence', /required/],
    ['status out of range', 'plays: [{ id: a, operation: GET /dossiers, occurrence: 1, answer: { status: 200 } }]\n', 'plays[0].answer.status', />= 400/],
    ['unknown code', 'plays: [{ id: a, operation: GET /dossiers, occurrence: 1, answer: { status: 400, code: NIMPORTE } }]\n', 'plays[0].answer.code', /one of/],
    ['no code for a 400', 'plays: [{ id: a, operation: GET /dossiers, occurrence: 1, answer: { status: 400 } }]\n', 'plays[0].answer.code', /required for status 400/],
    ['Retry-After on a 400', 'plays: [{ id: a, operation: GET /dossiers, occurrence: 1, answer: { status: 400, code: REQUETE_INVALIDE, retryAfter: 1 } }]\n', 'plays[0].answer.retryAfter', /429/],
    [
      'duplicate id',
      'plays:\n  - { id: a, operation: GET /dossiers, occurrence: 1, answer: { status: 503 } }\n  - { id: a, operation: GET /dossiers, occurrence: 2, answer: { status: 503 } }\n',
      'plays[1].id',
      /duplicate/,
    ],
  ];
  it.each(cases)('%s', (_name, text, field, message) => {
    const file = write(`${field.replace(/\W/g, '_')}.yaml`, text);
    const error = errorOf(() => loadCertificationScript(file));
    expect(error.file).toBe(file);
    expect(error.field).toBe(field);
    expect(error.message).toContain(file);
    expect(error.message).toContain(field);
    expect(error.message).toMatch(message);
  });

  it('names the file when it is missing or not YAML', () => {
    const missing = join(dir, 'absent.yaml');
    expect(errorOf(() => loadCertificationScript(missing)).message).toMatch(new RegExp(`^${missing}: cannot read the script \\(ENOENT\\)`));
    expect(errorOf(() => loadCertificationScript(write('broken.yaml', 'plays: [\n'))).message).toMatch(/broken\.yaml: not valid YAML/);
  });

  it('refuses a play on an operation the mock does not play', () => {
    const script = loadCertificationScript(write('typo.yaml', 'plays: [{ id: a, operation: POST /facture, occurrence: 1, answer: { status: 503 } }]\n'));
    const error = errorOf(() => checkPlays(script, ENGINE_OPERATIONS));
    expect(error.field).toBe('plays[0].operation');
    expect(error.message).toMatch(/POST \/facture is not an operation/);
  });
});
