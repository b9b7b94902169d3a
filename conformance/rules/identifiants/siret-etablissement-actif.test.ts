// Tests of siret-etablissement-actif (ID-03, COH-31): the CERFA's SIRETs against a SIRENE référentiel.
import { describe, it, expect } from 'vitest';
import rule from './siret-etablissement-actif.js';
import { cerfaValide } from '../fixtures/cerfa-valide.js';
import type { EtablissementSirene, ReferentielSirene } from '../../model/sirene.js';
import type { RuleResult } from '../rule.js';

const employeur = cerfaValide().employeur.siret;
const organisme = cerfaValide().organismeFormation.siret;
const conclusion = cerfaValide().contrat.dateConclusion;
const ouvert: EtablissementSirene = { etat: 'A', dateCreation: '2005-01-03', diffusible: true };
const sirene = (etablissements: Record<string, EtablissementSirene>, exhaustif = false): { sirene: ReferentielSirene } => ({ sirene: { exhaustif, etablissements } });
const messages = (r: RuleResult) => (r.outcome === 'fail' ? r.violations.map((v) => [v.path, v.message]) : []);

describe('siret-etablissement-actif', () => {
  it('passes for open, diffusible establishments; skips without a référentiel or when it knows none of the SIRETs', () => {
    expect(rule.check(cerfaValide(), sirene({ [employeur]: ouvert, [organisme]: ouvert })).outcome).toBe('pass');
    expect(rule.check(cerfaValide(), {}).outcome).toBe('skip');
    expect(rule.check(cerfaValide(), sirene({})).outcome).toBe('skip');
  });

  it('judges the state on the conclusion date: closed before it fails, closed after it passes, created after it fails', () => {
    const fermeAvant = { ...ouvert, etat: 'F' as const, dateFermeture: '2020-01-31' };
    expect(messages(rule.check(cerfaValide(), sirene({ [employeur]: fermeAvant })))).toEqual([
      ['employeur.siret', "Le SIRET de l'employeur correspond à un établissement fermé ou non encore créé à la date de conclusion du contrat"],
    ]);
    const fermeApres = { ...ouvert, etat: 'F' as const, dateFermeture: '2099-01-01' };
    expect(rule.check(cerfaValide(), sirene({ [employeur]: fermeApres })).outcome).toBe('pass');
    const cree = { ...ouvert, dateCreation: '2099-01-01' };
    expect(rule.check(cerfaValide(), sirene({ [employeur]: cree })).outcome).toBe('fail');
    const fermeSansDate = { ...ouvert, etat: 'F' as const };
    expect(rule.check(cerfaValide(), sirene({ [organisme]: fermeSansDate })).outcome).toBe('fail');
    expect(conclusion > '2020-01-31').toBe(true);
  });

  it('accepts a non-diffusible establishment; refuses an unknown SIRET only in an exhaustive référentiel', () => {
    expect(rule.check(cerfaValide(), sirene({ [organisme]: { ...ouvert, diffusible: false } })).outcome).toBe('pass');
    expect(rule.check(cerfaValide(), sirene({ [organisme]: ouvert })).outcome).toBe('pass');
    expect(messages(rule.check(cerfaValide(), sirene({ [organisme]: ouvert }, true)))).toEqual([
      ['employeur.siret', "Le SIRET de l'employeur n'existe pas dans la base SIRENE"],
    ]);
  });

  it('fails on its plant at employeur.siret, the payload unchanged', () => {
    const valid = cerfaValide();
    const { payload, context } = rule.plant(valid, sirene({ [organisme]: ouvert }));
    expect(payload).toEqual(valid);
    const result = rule.check(payload, context!);
    expect(result.outcome === 'fail' && result.violations.map((v) => v.path)).toEqual(['employeur.siret']);
    expect(context!.sirene!.etablissements[organisme]).toEqual(ouvert);
  });
});
