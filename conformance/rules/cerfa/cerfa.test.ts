// Every cerfa rule accepts the valid CERFA, fails on its own plant at the expected path, and only there.
import { describe, it, expect } from 'vitest';
import type { Cerfa } from '../../model/payloads.js';
import { cerfaValide } from '../fixtures/cerfa-valide.js';
import { avec, sans } from '../identifiants/champs.js';
import { identifiantsRules } from '../identifiants/index.js';
import { cerfaRules } from './index.js';

const CHEMIN_ATTENDU: Record<string, string> = {
  'cerfa-mandat-gestion': 'mandatGestion',
  'cerfa-numero-interne': 'numeroInterne',
  'cerfa-nir-obligatoire': 'apprenti.nir',
  'cerfa-employeur-champs-obligatoires': 'employeur.denomination',
  'cerfa-apprenti-champs-obligatoires': 'apprenti.communeNaissance',
  'cerfa-maitre1-champs-obligatoires': 'maitre1.prenom',
  'cerfa-organisme-formation-champs-obligatoires': 'organismeFormation.denomination',
  'cerfa-etablissement-formation-champs-obligatoires': 'etablissementFormation.siret',
  'cerfa-formation-champs-obligatoires': 'formation.intituleQualification',
  'cerfa-contrat-champs-obligatoires': 'contrat.modeContractuel',
  'cerfa-signatures-champs-obligatoires': 'signatures.lieu',
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
  'cerfa-niveau-diplome-maitre': 'maitre1.niveauDiplome',
};

const mesRegles = [...identifiantsRules, ...cerfaRules].filter((r) => r.appliesTo.includes('cerfa'));
const enEchec = (payload: unknown): string[] => mesRegles.filter((r) => r.check(payload, {}).outcome === 'fail').map((r) => r.id);

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
      expect(['pass', 'not-applicable']).toContain(rule.check(valid, {}).outcome);
      const avant = JSON.stringify(valid);
      const { payload } = rule.plant(valid, {});
      expect(JSON.stringify(valid)).toBe(avant);
      const result = rule.check(payload, {});
      expect(result.outcome).toBe('fail');
      if (result.outcome !== 'fail') return;
      expect(result.violations.map((v) => v.path)).toContain(CHEMIN_ATTENDU[rule.id]);
      expect(enEchec(payload)).toEqual([rule.id]);
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
      ['employeur.adresse.voie', 'absent'],
      ['employeur.adresse.codePostal', 'absent'],
      ['employeur.adresse.commune', 'absent'],
      ['employeur.naf', 'vide'],
    ]);
    expect(regle('cerfa-type-employeur').check(cerfa, {}).outcome).toBe('pass');
  });

  it('a declared legal guardian is identified, with an address unless it is the same', () => {
    // Whether a minor needs one is the eligibilite area's question: the flag alone does not require it here.
    const mineur = avec(cerfaValide(), 'apprenti.apprentiMineurNonEmancipe', true);
    expect(chemins('cerfa-apprenti-champs-obligatoires', mineur)).toEqual([]);
    const incomplet = avec(mineur, 'apprenti.responsableLegal', { nom: 'Martin' });
    expect(chemins('cerfa-apprenti-champs-obligatoires', incomplet)).toEqual([
      'apprenti.responsableLegal.prenom',
      'apprenti.responsableLegal.memeAdresse',
    ]);
    const memeAdresse = avec(mineur, 'apprenti.responsableLegal', { nom: 'Martin', prenom: 'Anne', memeAdresse: true });
    expect(chemins('cerfa-apprenti-champs-obligatoires', memeAdresse)).toEqual([]);
    const autreAdresse = avec(memeAdresse, 'apprenti.responsableLegal.memeAdresse', false);
    expect(chemins('cerfa-apprenti-champs-obligatoires', autreAdresse)).toEqual([
      'apprenti.responsableLegal.adresse.voie',
      'apprenti.responsableLegal.adresse.codePostal',
      'apprenti.responsableLegal.adresse.commune',
    ]);
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

  it('type employeur must match privePublic', () => {
    const r = regle('cerfa-type-employeur').check(avec(cerfaValide(), 'employeur.typeEmployeur', 23), {});
    expect(r.outcome === 'fail' && r.violations[0]?.expected).toBe('11 à 16 pour un employeur privé');
  });

  it('closed lists reject strings and accept every listed code', () => {
    expect(chemins('cerfa-type-contrat', avec(cerfaValide(), 'contrat.typeContratApp', '11'))).toEqual(['contrat.typeContratApp']);
    for (const t of [11, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 38]) {
      expect(chemins('cerfa-type-contrat', avec(cerfaValide(), 'contrat.typeContratApp', t)), String(t)).toEqual([]);
    }
    for (const d of [13, 25, 26, 33, 34, 35, 38, 41, 42, 43, 49, 54, 55, 58, 61, 62, 63, 69, 71, 72, 73, 74, 79, 80]) {
      expect(chemins('cerfa-type-diplome', avec(cerfaValide(), 'formation.typeDiplome', d)), String(d)).toEqual([]);
    }
    expect(chemins('cerfa-type-diplome', avec(cerfaValide(), 'apprenti.diplomePrepare', 50))).toEqual(['apprenti.diplomePrepare']);
  });

  it('mandatGestion must be true, not merely present', () => {
    expect(chemins('cerfa-mandat-gestion', sans(cerfaValide(), 'mandatGestion'))).toEqual(['mandatGestion']);
    expect(chemins('cerfa-mandat-gestion', avec(cerfaValide(), 'mandatGestion', 'true'))).toEqual(['mandatGestion']);
  });

  it('numeroInterne: 50 characters pass, blank fails', () => {
    expect(chemins('cerfa-numero-interne', avec(cerfaValide(), 'numeroInterne', 'N'.repeat(50)))).toEqual([]);
    expect(chemins('cerfa-numero-interne', avec(cerfaValide(), 'numeroInterne', ' '))).toEqual(['numeroInterne']);
  });
});
