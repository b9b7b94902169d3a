// Every cerfa rule accepts the valid CERFA, fails on its own plant at the expected path, and only there.
import { describe, it, expect } from 'vitest';
import type { Cerfa } from '../../model/payloads.js';
import type { RuleContext } from '../rule.js';
import { cerfaValide } from '../fixtures/cerfa-valide.js';
import { avec, sans } from '../support/champs.js';
import { identifiantsRules } from '../identifiants/index.js';
import { cerfaRules } from './index.js';

const CHEMIN_ATTENDU: Record<string, string> = {
  'cerfa-numero-interne': 'numeroInterne',
  'cerfa-nir-obligatoire': 'apprenti.nir',
  'cerfa-employeur-champs-obligatoires': 'employeur.denomination',
  'cerfa-apprenti-champs-obligatoires': 'apprenti.communeNaissance',
  'cerfa-maitre1-champs-obligatoires': 'maitre1.prenom',
  'cerfa-organisme-formation-champs-obligatoires': 'organismeFormation.denomination',
  'cerfa-lieu-formation-principal': 'organismeFormationLieuFormationPrincipal.siret',
  'cerfa-formation-champs-obligatoires': 'formation.intituleQualification',
  'cerfa-contrat-champs-obligatoires': 'contrat.modeContractuel',
  'cerfa-employeur-attestations': 'employeur.attestationPieces',
  'cerfa-type-employeur': 'employeur.typeEmployeur',
  'cerfa-employeur-specifique': 'employeur.employeurSpecifique',
  'cerfa-nationalite': 'apprenti.nationalite',
  'cerfa-regime-social': 'apprenti.regimeSocial',
  'cerfa-situation-avant-contrat': 'apprenti.situationAvantContrat',
  'cerfa-type-diplome': 'apprenti.diplome',
  'cerfa-derniere-classe': 'apprenti.derniereClasse',
  'cerfa-mode-contractuel': 'contrat.modeContractuel',
  'cerfa-type-contrat': 'contrat.typeContratApp',
  'cerfa-type-derogation': 'contrat.typeDerogation',
  'cerfa-niveau-diplome-maitre': 'maitre1.niveauDiplomeObtenu',
  'cerfa-membre-non-prevu': 'apprenti.adresse.numeroVoie',
  'cerfa-employeur-public-celia': 'employeur.siret',
};

const mesRegles = [...identifiantsRules, ...cerfaRules].filter((r) => r.appliesTo.includes('cerfa'));
const enEchec = (payload: unknown, context: RuleContext = {}): string[] => mesRegles.filter((r) => r.check(payload, context).outcome === 'fail').map((r) => r.id);

function regle(id: string) {
  const r = cerfaRules.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}
const chemins = (id: string, payload: Cerfa): string[] => {
  const r = regle(id).check(payload, {});
  return r.outcome === 'fail' ? r.violations.map((v) => v.path) : [];
};

describe('cerfa rules: valid, planted, isolated', () => {
  it('the valid fixture passes every rule of both areas', () => {
    expect(enEchec(cerfaValide())).toEqual([]);
  });

  it('every rule is a cerfa rule with an expected plant path', () => {
    for (const rule of cerfaRules) {
      expect(rule.area).toBe('cerfa');
      expect(rule.appliesTo).toEqual(['cerfa']);
      expect(CHEMIN_ATTENDU[rule.id], rule.id).toBeDefined();
    }
    expect(Object.keys(CHEMIN_ATTENDU).sort()).toEqual(cerfaRules.map((r) => r.id).sort());
  });

  for (const rule of cerfaRules) {
    it(rule.id, () => {
      const valid = cerfaValide();
      // Rules reading the SIRENE référentiel skip without one (cerfa-employeur-public-celia).
      expect(['pass', 'not-applicable', 'skip']).toContain(rule.check(valid, {}).outcome);
      const avant = JSON.stringify(valid);
      const { payload, context = {} } = rule.plant(valid, {});
      expect(JSON.stringify(valid)).toBe(avant);
      const result = rule.check(payload, context);
      expect(result.outcome).toBe('fail');
      if (result.outcome !== 'fail') return;
      expect(result.violations.map((v) => v.path)).toContain(CHEMIN_ATTENDU[rule.id]);
      expect(enEchec(payload, context)).toEqual([rule.id]);
    });
  }
});

describe('cerfa rules: behaviour', () => {
  it('presence rules report absent and blank fields, not zero or false', () => {
    let cerfa = avec(cerfaValide(), 'employeur.naf', '   ');
    cerfa = sans(cerfa, 'employeur.adresse');
    cerfa = avec(cerfa, 'employeur.nombreDeSalaries', 0);
    cerfa = avec(cerfa, 'employeur.privePublic', false);
    cerfa = avec(cerfa, 'employeur.typeEmployeur', 22);
    const r = regle('cerfa-employeur-champs-obligatoires').check(cerfa, {});
    expect(r.outcome === 'fail' && r.violations.map((v) => [v.path, v.received])).toEqual([
      ['employeur.adresse.adresse1', 'absent'],
      ['employeur.adresse.codePostal', 'absent'],
      ['employeur.adresse.commune', 'absent'],
      ['employeur.naf', 'vide'],
    ]);
    expect(regle('cerfa-type-employeur').check(cerfa, {}).outcome).toBe('pass');
  });

  it('a declared legal guardian is identified; an absent address is the apprentice’s, a given one is complete', () => {
    // Whether a minor needs one is the eligibilite area's question: the flag alone does not require it here.
    const mineur = avec(cerfaValide(), 'apprenti.apprentiMineurNonEmancipe', true);
    expect(chemins('cerfa-apprenti-champs-obligatoires', mineur)).toEqual([]);
    const incomplet = avec(mineur, 'apprenti.responsableLegal', { nom: 'Martin' });
    expect(chemins('cerfa-apprenti-champs-obligatoires', incomplet)).toEqual(['apprenti.responsableLegal.prenom']);
    // Real software sends no memeAdresse: no address means the apprentice's.
    const sansAdresse = avec(mineur, 'apprenti.responsableLegal', { nom: 'Martin', prenom: 'Anne' });
    expect(chemins('cerfa-apprenti-champs-obligatoires', sansAdresse)).toEqual([]);
    const memeAdresse = avec(sansAdresse, 'apprenti.responsableLegal.memeAdresse', true);
    expect(chemins('cerfa-apprenti-champs-obligatoires', memeAdresse)).toEqual([]);
    const manquantes = [
      'apprenti.responsableLegal.adresse.adresse1',
      'apprenti.responsableLegal.adresse.codePostal',
      'apprenti.responsableLegal.adresse.commune',
    ];
    expect(chemins('cerfa-apprenti-champs-obligatoires', avec(memeAdresse, 'apprenti.responsableLegal.memeAdresse', false))).toEqual(manquantes);
    expect(chemins('cerfa-apprenti-champs-obligatoires', avec(sansAdresse, 'apprenti.responsableLegal.adresse', { adresse2: '' }))).toEqual(manquantes);
    const complete = { adresse1: '3 place Bellecour', adresse2: null, codePostal: '69002', commune: 'Lyon' };
    expect(chemins('cerfa-apprenti-champs-obligatoires', avec(sansAdresse, 'apprenti.responsableLegal.adresse', complete))).toEqual([]);
  });

  it('remuneration lines are required and complete', () => {
    expect(chemins('cerfa-contrat-champs-obligatoires', avec(cerfaValide(), 'contrat.remunerationsAnnuelles', []))).toEqual([
      'contrat.remunerationsAnnuelles',
    ]);
    const uneLigne = cerfaValide();
    uneLigne.contrat.remunerationsAnnuelles.pop();
    expect(chemins('cerfa-contrat-champs-obligatoires', uneLigne)).toEqual([]);
    expect(chemins('cerfa-contrat-champs-obligatoires', avec(cerfaValide(), 'contrat.remunerationsAnnuelles', [null]))).toHaveLength(5);
    const sansTaux = structuredClone(cerfaValide());
    delete (sansTaux.contrat.remunerationsAnnuelles[1] as Partial<Cerfa['contrat']['remunerationsAnnuelles'][number]>).taux;
    expect(chemins('cerfa-contrat-champs-obligatoires', sansTaux)).toEqual(['contrat.remunerationsAnnuelles[1].taux']);
  });

  it('type employeur: 11–16 and 21–30; public derived from the type when privePublic is absent, checked when sent', () => {
    // The valid fixture sends no privePublic, as real software: every listed type passes, 30 (EPIC) included.
    expect(cerfaValide().employeur.privePublic).toBeUndefined();
    for (const t of [11, 12, 13, 14, 15, 16, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]) {
      expect(chemins('cerfa-type-employeur', avec(cerfaValide(), 'employeur.typeEmployeur', t)), String(t)).toEqual([]);
    }
    for (const t of [10, 17, 20, 31]) {
      expect(chemins('cerfa-type-employeur', avec(cerfaValide(), 'employeur.typeEmployeur', t)), String(t)).toEqual(['employeur.typeEmployeur']);
    }
    // Both sent and disagreeing: a finding.
    const prive = avec(cerfaValide(), 'employeur.privePublic', true);
    const r = regle('cerfa-type-employeur').check(avec(prive, 'employeur.typeEmployeur', 30), {});
    expect(r.outcome === 'fail' && r.violations[0]?.expected).toBe('11 à 16 pour un employeur privé (privePublic: true)');
    const publicDeclare = avec(cerfaValide(), 'employeur.privePublic', false);
    expect(chemins('cerfa-type-employeur', publicDeclare)).toEqual(['employeur.typeEmployeur']);
    expect(chemins('cerfa-type-employeur', avec(publicDeclare, 'employeur.typeEmployeur', 30))).toEqual([]);
  });

  it('closed lists reject strings and accept every listed code', () => {
    expect(chemins('cerfa-type-contrat', avec(cerfaValide(), 'contrat.typeContratApp', '11'))).toEqual(['contrat.typeContratApp']);
    for (const t of [11, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 38]) {
      expect(chemins('cerfa-type-contrat', avec(cerfaValide(), 'contrat.typeContratApp', t)), String(t)).toEqual([]);
    }
    // Notice 51649#09 of CERFA 10103*14: 64 (BUT), 75, 76, 44 are in; 61, 71, 72, 74 (older form) are out.
    for (const d of [80, 73, 75, 76, 79, 62, 63, 64, 69, 54, 55, 58, 41, 42, 43, 44, 49, 33, 34, 35, 38, 25, 26, 13]) {
      expect(chemins('cerfa-type-diplome', avec(cerfaValide(), 'formation.typeDiplome', d)), String(d)).toEqual([]);
    }
    for (const d of [61, 71, 72, 74, 50]) {
      expect(chemins('cerfa-type-diplome', avec(cerfaValide(), 'apprenti.diplomePrepare', d)), String(d)).toEqual(['apprenti.diplomePrepare']);
    }
    for (const c of [1, 11, 12, 21, 22, 31, 32, 40, 41, 42]) {
      expect(chemins('cerfa-derniere-classe', avec(cerfaValide(), 'apprenti.derniereClasse', c)), String(c)).toEqual([]);
    }
  });

  it('maître’s diploma level is read on niveauDiplomeObtenu: 3–8, 0 still read', () => {
    for (const n of [0, 3, 4, 5, 6, 7, 8]) expect(chemins('cerfa-niveau-diplome-maitre', avec(cerfaValide(), 'maitre1.niveauDiplomeObtenu', n))).toEqual([]);
    expect(chemins('cerfa-niveau-diplome-maitre', avec(cerfaValide(), 'maitre2', { nom: 'B', prenom: 'C', dateNaissance: '1970-01-01', niveauDiplomeObtenu: 9 }))).toEqual([
      'maitre2.niveauDiplomeObtenu',
    ]);
  });

  it('numeroInterne is optional: absent or empty is not applicable, 50 characters pass, blank fails', () => {
    expect(regle('cerfa-numero-interne').check(sans(cerfaValide(), 'numeroInterne'), {}).outcome).toBe('not-applicable');
    expect(regle('cerfa-numero-interne').check(avec(cerfaValide(), 'numeroInterne', ''), {}).outcome).toBe('not-applicable');
    expect(chemins('cerfa-numero-interne', avec(cerfaValide(), 'numeroInterne', 'N'.repeat(50)))).toEqual([]);
    expect(chemins('cerfa-numero-interne', avec(cerfaValide(), 'numeroInterne', ' '))).toEqual(['numeroInterne']);
    expect(chemins('cerfa-numero-interne', avec(cerfaValide(), 'numeroInterne', 42))).toEqual(['numeroInterne']);
    // Its plant works on a deposit that carries none.
    const { payload } = regle('cerfa-numero-interne').plant(sans(cerfaValide(), 'numeroInterne'), {});
    expect(chemins('cerfa-numero-interne', payload)).toEqual(['numeroInterne']);
  });
});
