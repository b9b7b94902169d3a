// Tests of the generators: determinism, valid identifiers, coherent places, ages, dates, pay, and one dossier per index.
import { describe, expect, it } from 'vitest';
import {
  isValidCodeDiplome,
  isValidCodePostal,
  isValidCourriel,
  isValidDepartement,
  isValidIban,
  isValidIdcc,
  isValidNaf,
  isValidNir,
  isValidNumeroDeca,
  isValidRncp,
  isValidSiret,
  isValidTelephone,
  isValidUai,
  nirKeyMatches,
  parseNir,
} from '../identifiers/index.js';
import type { Adresse, Cerfa } from '../model/payloads.js';
import { calendar, lignesRemunerationMinimale } from '../remuneration/index.js';
import {
  DEBUT_FENETRE,
  FIN_FENETRE,
  KINDS,
  generateCerfa,
  generateCertificat,
  generateConvention,
  generateDossier,
  generateDossierContext,
  generateFacture,
  generateRecord,
} from './index.js';
import { Sfc32Randomizer } from './random.js';
import { COMMUNES, departementOf } from './samples.js';

const { addDays, ageAt, parseIsoDate, wholeMonthsBetween } = calendar;
const N = 200;
const indices = Array.from({ length: N }, (_, i) => i);
const cerfas = indices.map((i) => generateCerfa(7, i));

const ymd = (iso: string | undefined): number => {
  const d = parseIsoDate(iso);
  if (d === undefined) throw new Error(`not a date: ${iso}`);
  return d;
};

/** `069` → `69`, `02A` → `2A`, `099` → `99`: the NIR's and the address's form of a birth département. */
const deuxCaracteres = (departement: string): string => (departement.length === 3 && departement.startsWith('0') ? departement.slice(1) : departement);

/** The département of an address: its own, or its commune's (addresses written without one). */
function departementDe(a: Adresse): string {
  if (a.departement !== undefined) return a.departement;
  const commune = COMMUNES.find((c) => c.codePostal === a.codePostal && c.nom === a.commune);
  if (commune === undefined) throw new Error(`unknown commune ${a.codePostal} ${a.commune}`);
  return departementOf(commune);
}

/** Département expected from a postal code: 2 digits, 3 overseas (97x), 2A/2B decided by the INSEE code for 20xxx. */
function departementCoherent(a: Adresse): boolean {
  const cp = a.codePostal;
  if (cp.startsWith('97')) return a.departement === cp.slice(0, 3);
  if (cp.startsWith('20')) return a.departement === '2A' || a.departement === '2B';
  return a.departement === cp.slice(0, 2);
}

describe('determinism', () => {
  it('gives the same record for the same (seed, index), whatever was generated before', () => {
    const direct = generateCerfa(42, 5);
    for (let i = 0; i < 5; i++) generateFacture(42, i);
    expect(generateCerfa(42, 5)).toEqual(direct);
    for (const kind of KINDS) expect(generateRecord(kind, 3, 11)).toEqual(generateRecord(kind, 3, 11));
  });

  it('gives different records for different seeds and indices', () => {
    expect(generateCerfa(1, 0)).not.toEqual(generateCerfa(2, 0));
    expect(generateCerfa(1, 0)).not.toEqual(generateCerfa(1, 1));
    expect(generateCerfa(2 ** 32 + 1, 0)).not.toEqual(generateCerfa(1, 0));
    const numeros = new Set(indices.map((i) => generateDossier(7, i).cerfa.numeroInterne));
    expect(numeros.size).toBe(N);
    const envoyes = cerfas.flatMap((c) => (c.numeroInterne === undefined ? [] : [c.numeroInterne]));
    expect(new Set(envoyes).size).toBe(envoyes.length);
  });

  it('seeds its PRNG from every part of the seed', () => {
    const a = new Sfc32Randomizer([1, 2]);
    const b = new Sfc32Randomizer([2, 1]);
    const c = new Sfc32Randomizer([1, 2]);
    const draws = (r: Sfc32Randomizer) => [r.next(), r.next(), r.next()];
    const first = draws(a);
    expect(draws(c)).toEqual(first);
    expect(draws(b)).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('produces plain JSON data: a JSON round trip changes nothing (no undefined, NaN or Infinity)', () => {
    for (const kind of KINDS) {
      for (const complet of [false, true]) {
        for (const i of indices.slice(0, 30)) {
          const record = generateRecord(kind, 7, i, { complet });
          expect(JSON.parse(JSON.stringify(record))).toStrictEqual(record);
        }
      }
    }
  });

  it('rejects negative or fractional seeds and indices', () => {
    expect(() => generateCerfa(-1, 0)).toThrow(RangeError);
    expect(() => generateCerfa(1, 0.5)).toThrow(RangeError);
  });
});

describe('identifiers', () => {
  it('are valid: SIRET, NIR with its key, UAI, IBAN and the formats of the CERFA', () => {
    for (const c of cerfas) {
      expect(isValidSiret(c.employeur.siret), c.employeur.siret).toBe(true);
      expect(isValidSiret(c.organismeFormation.siret)).toBe(true);
      expect(c.employeur.siret.startsWith('356000000')).toBe(false);
      expect(isValidNir(c.apprenti.nir) && nirKeyMatches(c.apprenti.nir)).toBe(true);
      expect(isValidUai(c.organismeFormation.uaiCfa)).toBe(true);
      expect(isValidRncp(c.formation.rncp)).toBe(true);
      expect(isValidCodeDiplome(c.formation.codeDiplome)).toBe(true);
      expect(isValidNaf(c.employeur.naf)).toBe(true);
      expect(isValidIdcc(c.employeur.codeIdcc)).toBe(true);
      for (const tel of [c.employeur.telephone, c.apprenti.telephone]) expect(isValidTelephone(tel), tel).toBe(true);
      for (const mail of [c.employeur.courriel, c.apprenti.courriel, c.maitre1.courriel ?? '']) {
        expect(isValidCourriel(mail), mail).toBe(true);
        expect(mail.length).toBeLessThanOrEqual(80);
      }
      if (c.contrat.numeroContratPrecedent !== undefined) expect(isValidNumeroDeca(c.contrat.numeroContratPrecedent)).toBe(true);
    }
  });

  it('make the NIR agree with sex, birth year and month, and birth département', () => {
    for (const c of cerfas) {
      const nir = parseNir(c.apprenti.nir);
      expect(nir).not.toBeNull();
      expect(nir!.sexe).toBe(c.apprenti.sexe === 'M' ? 1 : 2);
      expect(nir!.annee).toBe(c.apprenti.dateNaissance.slice(2, 4));
      expect(nir!.mois).toBe(c.apprenti.dateNaissance.slice(5, 7));
      expect(nir!.departement).toBe(deuxCaracteres(c.apprenti.departementNaissance));
      expect(c.apprenti.lieuNaissanceFrance).toBe(deuxCaracteres(c.apprenti.departementNaissance) !== '99');
    }
  });

  it('give the UAI the CFA département as prefix (620/720 for Corsica, 97x overseas)', () => {
    for (const c of cerfas) {
      const dept = departementDe(c.organismeFormation.adresse);
      const prefix = dept === '2A' ? '620' : dept === '2B' ? '720' : dept.padStart(3, '0');
      expect(c.organismeFormation.uaiCfa.slice(0, 3)).toBe(prefix);
    }
  });

  it('are valid in the dossier and the invoice: IBAN, DECA number', () => {
    for (const i of indices.slice(0, 60)) {
      const dossier = generateDossier(7, i);
      expect(isValidNumeroDeca(dossier.cerfa.numeroDeca!)).toBe(true);
      expect(isValidIban(dossier.detailsFacturation!.iban)).toBe(true);
      const facture = generateFacture(7, i);
      expect(isValidIban(facture.organismeFormation.IBAN!)).toBe(true);
      expect(isValidSiret(facture.organismeFormation.siret)).toBe(true);
    }
  });
});

describe('places', () => {
  it('give every address a postal code and a département that agree', () => {
    for (const c of cerfas) {
      for (const a of [c.employeur.adresse, c.apprenti.adresse, c.organismeFormation.adresse]) {
        expect(isValidCodePostal(a.codePostal)).toBe(true);
        expect(a.adresse1).toMatch(/^\d+( bis| ter)? \S/);
        if (a.departement === undefined) continue;
        expect(isValidDepartement(a.departement), a.departement).toBe(true);
        expect(departementCoherent(a), `${a.codePostal} ${a.departement}`).toBe(true);
      }
      expect(isValidDepartement(deuxCaracteres(c.apprenti.departementNaissance))).toBe(true);
    }
  });

  it('spread over many départements, overseas and Corsica included', () => {
    const depts = new Set(indices.map((i) => departementDe(generateCerfa(11, i).employeur.adresse)));
    expect(depts.size).toBeGreaterThan(40);
  });
});

describe('ages, dates and pay', () => {
  it('chain the dates: conclusion ≤ start ≤ training ≤ end, 6 months to 3 years, start inside the window', () => {
    for (const c of cerfas) {
      const conclusion = ymd(c.contrat.dateConclusion);
      const debut = ymd(c.contrat.dateDebutContrat);
      const fin = ymd(c.contrat.dateFinContrat);
      const debutFormation = ymd(c.formation.dateDebutFormation);
      const finFormation = ymd(c.formation.dateFinFormation);
      expect(conclusion).toBeLessThanOrEqual(debut);
      expect(debut).toBeGreaterThanOrEqual(DEBUT_FENETRE);
      expect(debut).toBeLessThanOrEqual(FIN_FENETRE);
      expect(debutFormation).toBeGreaterThanOrEqual(debut);
      expect(finFormation).toBeGreaterThan(debutFormation);
      expect(finFormation).toBeLessThanOrEqual(fin);
      const mois = wholeMonthsBetween(debut, addDays(fin, 1));
      expect(mois).toBeGreaterThanOrEqual(6);
      expect(mois).toBeLessThanOrEqual(36);
    }
  });

  it('hire apprentices aged 16 to 29 (mostly 17–24), adult maîtres, minors with a legal representative', () => {
    const ages = cerfas.map((c) => ageAt(ymd(c.apprenti.dateNaissance), ymd(c.contrat.dateDebutContrat)));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(16);
    expect(Math.max(...ages)).toBeLessThanOrEqual(29);
    expect(ages.filter((a) => a >= 17 && a <= 24).length / ages.length).toBeGreaterThan(0.7);
    for (const [i, c] of cerfas.entries()) {
      const debut = ymd(c.contrat.dateDebutContrat);
      expect(ageAt(ymd(c.maitre1.dateNaissance), debut)).toBeGreaterThanOrEqual(18);
      // Minor when the contract is signed: the legal representative signs it.
      const mineur = ageAt(ymd(c.apprenti.dateNaissance), ymd(c.contrat.dateConclusion)) < 18;
      expect(c.apprenti.apprentiMineur).toBe(mineur);
      expect(c.apprenti.responsableLegal !== undefined).toBe(mineur);
      if (ages[i]! < 18) expect(mineur).toBe(true);
      expect(c.employeur).toMatchObject({ attestationEligibilite: true, attestationPieces: true });
      expect(c.apprenti.nir.length).toBe(15);
      expect(c.contrat.dureeTravailHebdoHeures).toBe(35);
    }
  });

  it('give the CFA at least 25 % of the contract working time', () => {
    for (const c of cerfas) {
      const jours = calendar.daysBetween(ymd(c.contrat.dateDebutContrat), ymd(c.contrat.dateFinContrat)) + 1;
      expect(c.formation.dureeFormation).toBeGreaterThanOrEqual((0.25 * jours * 1607) / 365);
    }
  });

  it('pay at least the legal minimum on every period, the lines covering the whole contract', () => {
    for (const c of cerfas) {
      const minimum = lignesRemunerationMinimale(c as Cerfa);
      const lignes = c.contrat.remunerationsAnnuelles;
      expect(lignes.map((l) => [l.dateDebut, l.dateFin, l.ordre])).toEqual(minimum.map((l) => [l.dateDebut, l.dateFin, l.ordre]));
      lignes.forEach((l, k) => {
        const min = minimum[k]!;
        expect(l.tauxMinimal).toBe(min.tauxMinimal);
        expect(l.taux).toBeGreaterThanOrEqual(min.tauxMinimal);
        expect(l.salaireBrut!).toBeGreaterThanOrEqual(min.salaireBrut!);
      });
      expect(lignes[0]!.dateDebut).toBe(c.contrat.dateDebutContrat);
      expect(lignes[lignes.length - 1]!.dateFin).toBe(c.contrat.dateFinContrat);
      expect(c.contrat.salaireEmbauche).toBe(lignes[0]!.salaireBrut);
    }
  });
});

describe('one dossier per index', () => {
  it('invoices an open échéance of the context dossier, with its amounts, IBAN, SIRET and external number', () => {
    for (const i of indices.slice(0, 80)) {
      const { payload: facture, context } = generateRecord('facture', 7, i);
      const dossier = context.dossiers![0]!;
      expect(context.siretsConnus).toContain(facture.organismeFormation.siret);
      expect(context.facturesConnues).not.toContain(facture.numeroInterneFacture);
      expect(dossier.cerfa.etat).toBe('ENGAGE');
      expect(dossier.cerfa.numeroInterne).toBe(cerfas[i]!.numeroInterne ?? dossier.cerfa.numeroInterne);
      expect(dossier.cerfa.numeroInterne).toBe(generateDossier(7, i).cerfa.numeroInterne);
      let total = 0;
      for (const ligne of facture.lignes) {
        const e = dossier.echeances.find((x) => x.numero === ligne.numeroEcheance)!;
        expect(e).toBeDefined();
        expect(ligne.numeroInterneDossier).toBe(dossier.cerfa.numeroInterne);
        expect(ligne.numeroExterneDossier).toBe(dossier.cerfa.numeroExterne);
        expect(ligne.montantEcheance).toBe(e.montantTotal);
        expect(ligne.montantPedagogique).toBe(e.montantPedagogique);
        expect(ligne.montantMajorationRQTH).toBe(e.montantMajorationRQTH);
        expect(e.iban).toBe(facture.organismeFormation.IBAN);
        expect(e.siret).toBe(facture.organismeFormation.siret);
        expect(ymd(e.dateOuverture)).toBeLessThanOrEqual(ymd(context.today));
        expect(dossier.echeances[0]!.dateOuverture <= context.today!).toBe(true);
        const frais = (ligne.fraisAnnexes ?? []).reduce((s, f) => s + f.montant, 0);
        expect(ligne.montant).toBeCloseTo(ligne.montantPedagogique + (ligne.montantMajorationRQTH ?? 0) + frais, 2);
        total += ligne.montant;
      }
      expect(facture.montantTotal).toBeCloseTo(total, 2);
      expect(facture.dateFacture).toBe(context.today);
      expect(generateDossierContext(7, i)).toEqual(context);
    }
  });

  it('keeps frais annexes within what the OPCO committed', () => {
    let seen = 0;
    for (const i of indices) {
      const { payload: facture, context } = generateRecord('facture', 7, i);
      const engagements = context.dossiers![0]!.engagementsFraisAnnexe;
      for (const f of facture.lignes.flatMap((l) => l.fraisAnnexes ?? [])) {
        seen++;
        const e = engagements.find((x) => x.natureFrais === f.nature)!;
        expect(f.montant).toBeLessThanOrEqual(e.montantTotal);
        expect(f.quantite).toBeLessThanOrEqual(e.quantite);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('makes the convention and the certificat refer to the same dossier', () => {
    for (const i of indices.slice(0, 80)) {
      const cerfa = cerfas[i]!;
      const convention = generateConvention(7, i);
      const certificat = generateCertificat(7, i);
      const numero = generateDossier(7, i).cerfa.numeroInterne;
      if (cerfa.numeroInterne !== undefined) expect(numero).toBe(cerfa.numeroInterne);
      for (const p of [convention, certificat]) {
        expect(p.numeroInterneDossier).toBe(numero);
        expect(p.employeur.siret).toBe(cerfa.employeur.siret);
        expect(p.organismeFormation.siret).toBe(cerfa.organismeFormation.siret);
        expect(p.apprenti).toMatchObject({ nom: cerfa.apprenti.nom, prenom: cerfa.apprenti.prenom });
      }
      expect(convention.contrat).toEqual({ dateDebutContrat: cerfa.contrat.dateDebutContrat, dateFinContrat: cerfa.contrat.dateFinContrat });
      expect(convention.formation.dureeFormation).toBe(cerfa.formation.dureeFormation);
      expect(convention.dateSignature >= cerfa.contrat.dateConclusion && convention.dateSignature <= cerfa.contrat.dateDebutContrat).toBe(true);
      const { context } = generateRecord('certificat', 7, i);
      expect(certificat.echeance.dateFin! < context.today!).toBe(true);
      expect(certificat.dateSignature! <= context.today!).toBe(true);
      expect(certificat.echeance.dateDebut! >= cerfa.contrat.dateDebutContrat).toBe(true);
      expect(certificat.echeance.duree!).toBeGreaterThan(0);
      expect(certificat.echeance.duree!).toBeLessThanOrEqual(cerfa.formation.dureeFormation);
    }
  });
});
