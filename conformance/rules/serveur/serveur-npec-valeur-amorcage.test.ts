// serveur-npec-valeur-amorcage on read models: the valeur d'amorçage of the level in force at conclusion, the distance minoration (FIN-21, FIN-11).
import { describe, expect, it } from 'vitest';
import type { Echange } from '../../model/payloads.js';
import { financerContrat, valeurAmorcage, type ContratFinance } from '../../financing/index.js';
import rule from './serveur-npec-valeur-amorcage.js';

const IBAN = 'FR7630006000011234567890189';

function lecture(c: ContratFinance, typeDiplome: number, npecAnnuel: number, heuresDistanciel = 0, etat = 'ENGAGE'): Echange {
  const { dateConclusion, dateDebutContrat, dateFinContrat } = c;
  const echeances = financerContrat({ ...c, npecAnnuel }).echeances;
  return {
    scenario: 'test',
    step: 'lecture-engage',
    request: { method: 'GET', path: '/v2/dossiers?numeroInterne=A', headers: {} },
    response: {
      status: 200,
      headers: {},
      body: { cerfa: { etat, contrat: { dateConclusion, dateDebutContrat, dateFinContrat }, formation: { typeDiplome, dureeFormation: 1350, nombreHeuresEnDistanciel: heuresDistanciel } }, echeances },
      schemaErrors: [],
    },
    expected: { regles: [rule.id] },
  };
}
const outcome = (e: Echange): string => rule.check(e, {}).outcome;

const avant2022: ContratFinance = { dateConclusion: '2022-08-20', dateDebutContrat: '2022-09-01', dateFinContrat: '2024-08-31', npecAnnuel: 0, iban: IBAN, siret: '85300000800005' };
const en2025: ContratFinance = { ...avant2022, dateConclusion: '2025-08-20', dateDebutContrat: '2025-09-01', dateFinContrat: '2027-08-31' };

describe('serveur-npec-valeur-amorcage', () => {
  it('the dated tables: 7 600 € for level 5 before 2022-09-01, 6 000 € from then (arrêté of 31 August 2022)', () => {
    expect(valeurAmorcage(5, '2022-08-31')).toBe(7600);
    expect(valeurAmorcage(5, '2022-09-01')).toBe(6000);
    expect(valeurAmorcage(7, '2025-08-20')).toBe(7000);
    expect(valeurAmorcage(3, '2019-12-31')).toBeUndefined();
  });

  it('a contract concluded on 2022-08-20 is committed at the value in force then, not at the one of the deposit', () => {
    expect(outcome(lecture(avant2022, 54, 7600))).toBe('pass');
    expect(outcome(lecture(avant2022, 54, 6000))).toBe('fail');
    expect(outcome(lecture(en2025, 54, 6000))).toBe('pass');
    expect(outcome(lecture(en2025, 34, 5470))).toBe('pass');
  });

  it('a level 7 certification: 7 000 €, less the employer participation', () => {
    expect(outcome(lecture({ ...en2025, niveauCertification: 7 }, 73, 7000))).toBe('pass');
    expect(outcome(lecture(en2025, 73, 7000))).toBe('fail');
  });

  it('at least 80 % at distance from 2025-07-01: 6 000 € − 20 % = 4 800 € (FIN-11)', () => {
    expect(outcome(lecture(en2025, 54, 4800, 1080))).toBe('pass');
    expect(outcome(lecture(en2025, 54, 6000, 1080))).toBe('fail');
    // One hour under the threshold: the full amount.
    expect(outcome(lecture(en2025, 54, 6000, 1079))).toBe('pass');
    // Level 3: 5 470 € − 20 % = 4 376 €, above the 4 000 € floor.
    expect(outcome(lecture(en2025, 34, 4376, 1200))).toBe('pass');
  });

  it('is not applicable before the decision, skipped without a diploma level', () => {
    expect(outcome(lecture(en2025, 54, 6000, 0, 'TRANSMIS'))).toBe('not-applicable');
    expect(outcome(lecture(en2025, 13, 6000))).toBe('skip');
  });
});
