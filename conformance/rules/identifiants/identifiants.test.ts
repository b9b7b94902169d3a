// Every identifiant rule accepts the valid fixtures, fails on its own plant at the expected path, and only there.
import { describe, it, expect } from 'vitest';
import type { Certificat, Convention, Facture, PayloadByKind, PayloadKind } from '../../model/payloads.js';
import type { Rule, RuleContext } from '../rule.js';
import { cerfaValide } from '../fixtures/cerfa-valide.js';
import { identifiantsRules } from './index.js';
import { cerfaRules } from '../cerfa/index.js';
import { avec } from '../support/champs.js';

const certificatValide = (): Certificat => ({
  typeCertificat: 'Intermediaire',
  numeroInterneDossier: 'CFA-2024-000123',
  dateSignature: '2024-12-31',
  employeur: { siret: '12345678200010' },
  apprenti: { nom: 'Martin', prenom: 'Léa' },
  organismeFormation: { siret: '77123456400025' },
  echeance: { numero: 1, duree: 280, dateDebut: '2024-09-02', dateFin: '2024-12-31' },
});

const factureValide = (): Facture => ({
  numeroInterneFacture: 'FAC-2024-0042',
  dateFacture: '2024-12-31',
  organismeFormation: { siret: '77123456400025', IBAN: 'FR7630006000011234567890189', uaiCfa: '0691234S' },
  montantTotal: 2500,
  lignes: [
    { numeroInterneDossier: 'CFA-2024-000123', numeroEcheance: 1, montantEcheance: 2500, montantPedagogique: 2500, montant: 2500 },
  ],
  certificatRealisation: certificatValide(),
});

const conventionValide = (): Convention => ({
  numeroInterneDossier: 'CFA-2024-000123',
  employeur: { siret: '12345678200010' },
  apprenti: { nom: 'Martin', prenom: 'Léa' },
  contrat: { dateDebutContrat: '2024-09-02', dateFinContrat: '2026-08-31' },
  organismeFormation: { siret: '77123456400025', uaiCfa: '0691234S' },
  formation: { dateDebutFormation: '2024-09-09', dateFinFormation: '2026-06-30', dureeFormation: 840, rncp: 'RNCP37861' },
  couts: { coutTotalPedagogieCFA: 12000 },
  mandatEmployeur: true,
  dateSignature: '2024-08-26',
  attestationConventionSigneeEntreprise: true,
  attestationConventionSigneeCFA: true,
});

export const VALIDES: { [K in PayloadKind]: () => PayloadByKind[K] } = {
  cerfa: cerfaValide,
  facture: factureValide,
  convention: conventionValide,
  certificat: certificatValide,
};

/** Where each rule's plant must show up, per payload kind. */
const CHEMIN_ATTENDU: Record<string, Partial<Record<PayloadKind, string>>> = {
  'siret-format': { cerfa: 'employeur.siret', facture: 'organismeFormation.siret', convention: 'employeur.siret', certificat: 'employeur.siret' },
  'siret-luhn': { cerfa: 'employeur.siret', facture: 'organismeFormation.siret', convention: 'employeur.siret', certificat: 'employeur.siret' },
  'uai-format': { cerfa: 'organismeFormation.uaiCfa', facture: 'organismeFormation.uaiCfa', convention: 'organismeFormation.uaiCfa' },
  'uai-lettre-cle': { cerfa: 'organismeFormation.uaiCfa', facture: 'organismeFormation.uaiCfa', convention: 'organismeFormation.uaiCfa' },
  'nir-format': { cerfa: 'apprenti.nir' },
  'nir-cle': { cerfa: 'apprenti.nir' },
  'nir-coherence-sexe': { cerfa: 'apprenti.nir' },
  'nir-coherence-date-naissance': { cerfa: 'apprenti.nir' },
  'nir-coherence-departement': { cerfa: 'apprenti.nir' },
  'iban-valide': { facture: 'organismeFormation.IBAN' },
  'rncp-format': { cerfa: 'formation.rncp', convention: 'formation.rncp' },
  'code-diplome-format': { cerfa: 'formation.codeDiplome' },
  'naf-format': { cerfa: 'employeur.naf' },
  'idcc-format': { cerfa: 'employeur.codeIdcc' },
  'code-postal-format': { cerfa: 'employeur.adresse.codePostal' },
  'departement-format': { cerfa: 'employeur.adresse.departement' },
  'numero-deca-format': { cerfa: 'contrat.numeroContratPrecedent' },
  'courriel-format': { cerfa: 'apprenti.courriel' },
  'telephone-format': { cerfa: 'employeur.telephone' },
  'siret-organisme-cle-cfa': { cerfa: 'organismeFormation.siret', convention: 'organismeFormation.siret', certificat: 'organismeFormation.siret' },
  'siret-etablissement-actif': { cerfa: 'employeur.siret' },
};

/**
 * What the OPCO knows of a fixture: it came with the key of the CFA it names as organisme de formation, and SIRENE
 * knows its employer and organisme as open establishments at their addresses.
 */
const contexteDe = (payload: unknown): RuleContext => {
  const p = payload as { employeur?: { siret?: string; adresse?: { codePostal?: string } }; organismeFormation?: { siret?: string } };
  const ouvert = (codePostal?: string) => ({ etat: 'A' as const, dateCreation: '2001-01-02', diffusible: true, ...(codePostal ? { codePostal } : {}) });
  const etablissements = Object.fromEntries(
    [
      [p.employeur?.siret, ouvert(p.employeur?.adresse?.codePostal)],
      [p.organismeFormation?.siret, ouvert()],
    ].filter(([siret]) => typeof siret === 'string'),
  );
  return { siretCfa: p.organismeFormation?.siret, sirene: { exhaustif: false, etablissements } };
};

const mesRegles: readonly Rule<any>[] = [...identifiantsRules, ...cerfaRules];

/** Ids of the rules of both my areas that fail on `payload`. */
function enEchec(kind: PayloadKind, payload: unknown, context: RuleContext = {}): string[] {
  return mesRegles
    .filter((r) => r.appliesTo.includes(kind))
    .filter((r) => r.check(payload, context).outcome === 'fail')
    .map((r) => r.id);
}

describe('identifiants rules: valid, planted, isolated', () => {
  it('every rule has an expected plant path for each kind it applies to', () => {
    for (const rule of identifiantsRules) {
      expect(rule.area).toBe('identifiants');
      expect(Object.keys(CHEMIN_ATTENDU[rule.id] ?? {}).sort()).toEqual([...rule.appliesTo].sort());
    }
  });

  for (const rule of identifiantsRules) {
    for (const kind of rule.appliesTo as PayloadKind[]) {
      it(`${rule.id} on ${kind}`, () => {
        const valid = VALIDES[kind]();
        const contexte = contexteDe(valid);
        expect(enEchec(kind, valid, contexte)).toEqual([]);
        expect(['pass', 'not-applicable']).toContain(rule.check(valid, contexte).outcome);

        const avant = JSON.stringify(valid);
        const planted = rule.plant(valid, contexte);
        expect(JSON.stringify(valid)).toBe(avant); // plant never mutates its input

        const context = planted.context ?? contexte;
        const result = rule.check(planted.payload, context);
        expect(result.outcome).toBe('fail');
        if (result.outcome !== 'fail') return;
        expect(result.violations.map((v) => v.path)).toContain(CHEMIN_ATTENDU[rule.id]![kind]);
        expect(enEchec(kind, planted.payload, context)).toEqual([rule.id]);
      });
    }
  }
});

const check = (id: string, payload: unknown) => {
  const rule = identifiantsRules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule.check(payload, {});
};
const chemins = (id: string, payload: unknown): string[] => {
  const r = check(id, payload);
  return r.outcome === 'fail' ? r.violations.map((v) => v.path) : [];
};

describe('identifiants rules: behaviour', () => {
  it('siret-organisme-cle-cfa compares the organisme with the CFA of the key, and needs to know that CFA', () => {
    const rule = identifiantsRules.find((r) => r.id === 'siret-organisme-cle-cfa')!;
    expect(rule.severity).toBe('avertissement');
    const cerfa = cerfaValide();
    const siret = cerfa.organismeFormation.siret;
    expect(rule.check(cerfa, {}).outcome).toBe('skip');
    // A context file may hold a number: not a SIRET this rule can compare, so not verified rather than an error.
    expect(rule.check(cerfa, { siretCfa: 85300000800005 as unknown as string }).outcome).toBe('skip');
    // Invoices carry the échéance's SIRET, judged by facture-siret-identique-echeance.
    expect(rule.appliesTo).not.toContain('facture');
    expect(rule.check(cerfa, { siretCfa: siret.replace(/^(\d{3})/, '$1 ') }).outcome).toBe('pass');
    const autre = rule.check(cerfa, { siretCfa: '42100000100006' });
    expect(autre).toMatchObject({ outcome: 'fail', violations: [{ path: 'organismeFormation.siret', received: siret }] });
    // A malformed organisme SIRET is siret-format's and siret-luhn's finding, not this rule's.
    expect(rule.check(avec(cerfa, 'organismeFormation.siret', '1234'), { siretCfa: '42100000100006' }).outcome).toBe('not-applicable');
  });

  it('siret-luhn lists every bad SIRET and leaves malformed ones to siret-format', () => {
    let cerfa = avec(cerfaValide(), 'employeur.siret', '12345678200011');
    cerfa = avec(cerfa, 'organismeFormation.siret', '77123456400026');
    cerfa = avec(cerfa, 'organismeFormation.lieuFormationIdentique', false);
    cerfa = avec(cerfa, 'organismeFormationLieuFormationPrincipal', { denomination: 'Site', siret: '1234', uaiCfa: '0691234T' });
    expect(chemins('siret-luhn', cerfa)).toEqual(['employeur.siret', 'organismeFormation.siret']);
    expect(chemins('siret-format', cerfa)).toEqual(['organismeFormationLieuFormationPrincipal.siret']);
    expect(chemins('uai-lettre-cle', cerfa)).toEqual(['organismeFormationLieuFormationPrincipal.uaiCfa']);
  });

  it('siret-luhn accepts La Poste establishments', () => {
    expect(check('siret-luhn', avec(cerfaValide(), 'employeur.siret', '35600000009075')).outcome).toBe('pass');
    expect(check('siret-luhn', avec(cerfaValide(), 'employeur.siret', '35600000009090')).outcome).toBe('fail');
  });

  it('siret-luhn checks the certificat embedded in an invoice', () => {
    const facture = avec(factureValide(), 'certificatRealisation.employeur.siret', '12345678200011');
    expect(chemins('siret-luhn', facture)).toEqual(['certificatRealisation.employeur.siret']);
  });

  it('uai-lettre-cle names the expected letter', () => {
    const r = check('uai-lettre-cle', avec(cerfaValide(), 'organismeFormation.uaiCfa', '0751234K'));
    expect(r.outcome === 'fail' && r.violations[0]?.expected).toBe('lettre clé J');
  });

  it('NIR rules accept a 13-character NIR without key', () => {
    const cerfa = avec(cerfaValide(), 'apprenti.nir', '2060369123045');
    for (const id of ['nir-format', 'nir-cle', 'nir-coherence-sexe', 'nir-coherence-date-naissance', 'nir-coherence-departement']) {
      expect(check(id, cerfa).outcome, id).toBe('pass');
    }
  });

  it('NIR rules check the maîtres NIR when given', () => {
    const cerfa = avec(cerfaValide(), 'maitre1.nir', '178063306301228');
    expect(chemins('nir-cle', cerfa)).toEqual(['maitre1.nir']);
    expect(check('nir-cle', avec(cerfaValide(), 'maitre1.nir', '178063306301227')).outcome).toBe('pass');
  });

  it('nir-coherence-sexe compares M with 1 and F with 2', () => {
    const homme = avec(avec(cerfaValide(), 'apprenti.sexe', 'M'), 'apprenti.nir', '106036912304523');
    expect(check('nir-cle', homme).outcome).toBe('pass');
    expect(check('nir-coherence-sexe', homme).outcome).toBe('pass');
    expect(check('nir-coherence-sexe', avec(cerfaValide(), 'apprenti.sexe', 'M')).outcome).toBe('fail');
  });

  it('nir-coherence-date-naissance reports year and month separately and ignores placeholder months', () => {
    const r = check('nir-coherence-date-naissance', avec(cerfaValide(), 'apprenti.dateNaissance', '2005-04-14'));
    expect(r.outcome === 'fail' && r.violations.map((v) => v.message)).toEqual([
      'L’année de naissance indiquée ne correspond pas aux 2e et 3e chiffres du NIR',
      'Le mois de naissance indiqué ne correspond pas aux 4e et 5e chiffres du NIR',
    ]);
    const moisInconnu = avec(cerfaValide(), 'apprenti.nir', '2063369123045');
    expect(check('nir-coherence-date-naissance', moisInconnu).outcome).toBe('pass');
  });

  it('nir-coherence-departement handles abroad, overseas, Corsica and the padded form', () => {
    const cas: [string, string, string][] = [
      ['2060399350045', '99', 'pass'],
      ['2060397101045', '971', 'pass'],
      ['206032A004045', '2A', 'pass'],
      ['2060320004045', '2B', 'pass'], // born before Corsica was split
      ['2060369123045', '069', 'pass'],
      ['2060369123045', '69', 'pass'],
      ['2060399350045', '099', 'pass'],
      ['206032A004045', '02A', 'pass'],
      ['2060320004045', '02B', 'pass'],
      ['2060369123045', '99', 'fail'],
      ['2060369123045', '099', 'fail'],
      ['2060397101045', '972', 'fail'],
    ];
    for (const [nir, dept, attendu] of cas) {
      const cerfa = avec(avec(cerfaValide(), 'apprenti.nir', nir), 'apprenti.departementNaissance', dept);
      expect(check('nir-coherence-departement', cerfa).outcome, `${nir} / ${dept}`).toBe(attendu);
    }
  });

  it('code-postal-format and departement-format skip foreign addresses', () => {
    let cerfa = avec(cerfaValide(), 'apprenti.adresse.pays', 'Belgique');
    cerfa = avec(cerfa, 'apprenti.adresse.codePostal', '1000');
    cerfa = avec(cerfa, 'apprenti.adresse.departement', 'BXL');
    expect(check('code-postal-format', cerfa).outcome).toBe('pass');
    expect(check('departement-format', cerfa).outcome).toBe('pass');
    expect(chemins('code-postal-format', avec(cerfa, 'apprenti.adresse.pays', 'FR'))).toEqual(['apprenti.adresse.codePostal']);
  });

  it('departement-format checks the birth département on 2 or 3 characters, 99 / 099 abroad', () => {
    for (const d of ['069', '69', '02A', '2A', '099', '99', '971', '2B', '02B']) {
      expect(check('departement-format', avec(cerfaValide(), 'apprenti.departementNaissance', d)).outcome, d).toBe('pass');
    }
    for (const d of ['00', '000', '0', '0690', '2C', '02C', '979', '075A', 69]) {
      expect(chemins('departement-format', avec(cerfaValide(), 'apprenti.departementNaissance', d)), String(d)).toEqual(['apprenti.departementNaissance']);
    }
    // Address départements keep the 2-character form.
    expect(chemins('departement-format', avec(cerfaValide(), 'employeur.adresse.departement', '075'))).toEqual(['employeur.adresse.departement']);
  });

  it('numero-deca-format accepts the documented example', () => {
    expect(check('numero-deca-format', avec(cerfaValide(), 'contrat.numeroContratPrecedent', '02B202212000000')).outcome).toBe('pass');
  });

  it('courriel-format checks every e-mail of the CERFA', () => {
    let cerfa = avec(cerfaValide(), 'maitre1.courriel', 'paul bernard@example.fr');
    cerfa = avec(cerfa, 'employeur.courriel', 'contact@@example.fr');
    expect(chemins('courriel-format', cerfa)).toEqual(['employeur.courriel', 'maitre1.courriel']);
  });

  it('never puts personal values in violations', () => {
    const cerfaRules_ = identifiantsRules.filter((r) => r.appliesTo.includes('cerfa'));
    for (const planted of cerfaRules_) {
      const p = planted.plant(cerfaValide(), {}).payload as ReturnType<typeof cerfaValide>;
      const secrets = [p.apprenti.nir, p.apprenti.courriel, p.apprenti.dateNaissance, p.apprenti.telephone].filter(Boolean);
      for (const rule of cerfaRules_) {
        const r = rule.check(p, {});
        if (r.outcome !== 'fail') continue;
        const texte = JSON.stringify(r.violations);
        for (const s of secrets) expect(texte, `${rule.id} on the ${planted.id} plant`).not.toContain(s);
      }
    }
    const iban = check('iban-valide', avec(factureValide(), 'organismeFormation.IBAN', 'FR7630006000011234567890188'));
    expect(iban.outcome).toBe('fail');
    expect(JSON.stringify(iban)).not.toContain('30006000011234567890188');
  });

  it('does not throw on empty or malformed payloads', () => {
    for (const rule of [...identifiantsRules, ...cerfaRules]) {
      for (const p of [{}, { employeur: null, apprenti: 'x', contrat: { remunerationsAnnuelles: [null] } }]) {
        expect(() => rule.check(p, {}), rule.id).not.toThrow();
      }
    }
  });
});
