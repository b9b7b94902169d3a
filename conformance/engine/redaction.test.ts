// Personal values in violations are masked by path; NIR- and IBAN-shaped text is masked anywhere.
import { describe, it, expect } from 'vitest';
import { personalKind, redactResult, scrubText } from './redaction.js';

describe('personalKind', () => {
  it('maps personal paths to a redaction kind', () => {
    expect(personalKind('apprenti.nir')).toBe('nir');
    expect(personalKind('maitre1.nir')).toBe('nir');
    expect(personalKind('organismeFormation.IBAN')).toBe('iban');
    expect(personalKind('apprenti.nom')).toBe('nom');
    expect(personalKind('apprenti.nomUsage')).toBe('nom');
    expect(personalKind('apprenti.responsableLegal.prenom')).toBe('nom');
    expect(personalKind('maitre2.dateNaissance')).toBe('date');
    expect(personalKind('apprenti.courriel')).toBe('courriel');
    expect(personalKind('employeur.telephone')).toBe('telephone');
    expect(personalKind('lignes[0].iban')).toBe('iban');
    expect(personalKind('apprenti.adresse.adresse1')).toBe('nom');
    expect(personalKind('cerfa.apprenti.adresse.adresse1')).toBe('nom');
    expect(personalKind('apprenti.responsableLegal.adresse.adresse2')).toBe('nom');
    expect(personalKind('adresse.adresse1')).toBe('nom');
    expect(personalKind('cerfa.apprenti.nir')).toBe('nir');
  });

  it('leaves other paths readable', () => {
    for (const path of ['employeur.denomination', 'employeur.nombreDeSalaries', 'contrat.dateDebutContrat', 'lignes[2].montant', 'numeroInterne', 'apprenti.adresse.codePostal', 'apprenti.adresse.commune', 'formation.adresse1']) {
      expect(personalKind(path)).toBeUndefined();
    }
  });
});

describe('redactResult', () => {
  it('masks received values, and expected ones that are values', () => {
    const result = redactResult({
      outcome: 'fail',
      violations: [
        { path: 'apprenti.nom', expected: 'non vide, sans chiffre', received: 'Dupont2' },
        { path: 'apprenti.dateNaissance', expected: 'au plus 2009-05-01', received: '2012-03-04' },
        { path: 'organismeFormation.IBAN', expected: 'FR7630006000011234567890189', received: 'FR7630006000019876543210123', message: 'IBAN différent' },
        { path: 'apprenti.nir', expected: '13 ou 15 caractères', received: '(absent)' },
        { path: 'contrat.dateDebutContrat', expected: '2025-01-01', received: '2024-12-01' },
      ],
    });
    const text = JSON.stringify(result);
    for (const secret of ['Dupont2', '2012-03-04', '2009-05-01', '30006000011234567890', '30006000019876543210']) expect(text).not.toContain(secret);
    expect(result).toMatchObject({
      violations: [
        { expected: 'non vide, sans chiffre', received: 'D***' },
        { received: '****-**-**' },
        { expected: 'FR76 **** … 0189', received: 'FR76 **** … 0123', message: 'IBAN différent' },
        { expected: '13 ou 15 caractères', received: '(absent)' },
        { expected: '2025-01-01', received: '2024-12-01' },
      ],
    });
  });

  it('scrubs NIR and IBAN shapes out of reasons and free text, not SIRETs', () => {
    expect(redactResult({ outcome: 'error', reason: 'NIR 185057512345678 invalide' })).toEqual({ outcome: 'error', reason: 'NIR 1 ** ** ** *** *** ** invalide' });
    expect(scrubText('SIRET 12345678901234 inconnu')).toBe('SIRET 12345678901234 inconnu');
    expect(scrubText('IBAN FR76 3000 6000 0112 3456 7890 189 refusé')).not.toContain('3456');
  });
});
