// A deposit written by hand the way real CFA software writes it, judged through the evaluator: wrapper, date-times, adresse1, 3-character département.
import { describe, it, expect } from 'vitest';
import { evaluate } from '../../engine/evaluate.js';

/** The body as text, as software posts it (synthetic identities; SIRETs, UAI and NIR carry valid keys). */
const CORPS = `{"cerfa": {"versionCERFA": "10103*14", "CERFASignatureProbante": true, "numeroInterne": "LOG-2024-0007",
  "employeur": {"denomination": "Boulangerie du Parc", "siret": "12345678200010", "naf": "10.71C", "nombreDeSalaries": 8,
    "codeIdcc": "0843", "telephone": "0142600000", "courriel": "contact@boulangerie.example", "typeEmployeur": 12,
    "employeurSpecifique": 0, "caisseComplementaire": "AG2R", "nom": "Durand", "prenom": "Marc",
    "attestationEligibilite": true, "attestationPieces": true,
    "adresse": {"adresse1": "12 rue de la Paix", "adresse2": "", "codePostal": "75002", "commune": "Paris"}},
  "apprenti": {"nom": "Martin", "prenom": "Léa", "nomUsage": null, "sexe": "F", "nationalite": 1,
    "dateNaissance": "2006-03-14T00:00:00+00:00", "departementNaissance": "069", "communeNaissance": "Lyon",
    "nir": "206036912304570", "regimeSocial": 2, "telephone": "0612345678", "courriel": "lea.martin@example.fr",
    "adresse": {"adresse1": "4 rue Garibaldi", "adresse2": "", "codePostal": "69003", "commune": "Lyon"},
    "handicap": false, "droitsRqthExtensionBOE": false, "droitsRqthEquivalenceJeune": false,
    "situationAvantContrat": 1, "diplomePrepare": 33, "diplome": 25, "derniereClasse": 40,
    "intituleDiplomePrepare": "CAP Boulanger", "apprentiMineur": false, "apprentiMineurNonEmancipe": false},
  "maitre1": {"nom": "Bernard", "prenom": "Paul", "dateNaissance": "1978-06-21T00:00:00+00:00",
    "courriel": "paul.bernard@boulangerie.example", "emploiOccupe": "Artisan boulanger",
    "intituleDiplomeObtenu": "CAP Boulanger", "niveauDiplomeObtenu": 3},
  "organismeFormation": {"denomination": "CFA des métiers de l'alimentation", "siret": "77123456400025", "uaiCfa": "0691234S",
    "formationInterne": false, "lieuFormationIdentique": true,
    "adresse": {"adresse1": "10 avenue Jean Jaurès", "adresse2": "", "codePostal": "69007", "commune": "Lyon"}},
  "formation": {"rncp": "RNCP37861", "codeDiplome": "50022135", "typeDiplome": 33, "intituleQualification": "CAP Boulanger",
    "dateDebutFormation": "2024-09-09T00:00:00+00:00", "dateFinFormation": "2026-06-30T00:00:00+00:00",
    "dureeFormation": 840, "nombreHeuresEnDistanciel": 40},
  "contrat": {"modeContractuel": 1, "typeContratApp": 11, "dateConclusion": "2024-08-26T00:00:00+00:00",
    "dateDebutContrat": "2024-09-02T00:00:00+00:00", "dateFormationPratiqueEmployeur": "2024-09-02T00:00:00+00:00",
    "dateFinContrat": "2026-08-31T00:00:00+00:00", "dureeTravailHebdoHeures": 35, "dureeTravailHebdoMinutes": 0,
    "travailRisque": false, "salaireEmbauche": 759.78, "avantageNourriture": 0, "avantageLogement": 0,
    "autreAvantageEnNature": false, "lieuSignatureContrat": "Paris",
    "remunerationsAnnuelles": [
      {"ordre": "1.1", "dateDebut": "2024-09-02T00:00:00+00:00", "dateFin": "2025-09-01T00:00:00+00:00", "taux": 43, "typeSalaire": "SMIC", "salaireBrut": 759.78},
      {"ordre": "2.1", "dateDebut": "2025-09-02T00:00:00+00:00", "dateFin": "2026-08-31T00:00:00+00:00", "taux": 51, "typeSalaire": "SMIC", "salaireBrut": 901.13}]}}}`;

type Corps = { cerfa: Record<string, any> };
const corps = (): Corps => JSON.parse(CORPS) as Corps;

const echecs = (body: unknown) =>
  evaluate(body, 'cerfa').flatMap((e) => (e.result.outcome === 'fail' ? e.result.violations.map((v) => `${e.ruleId} @ ${v.path}`) : []));

describe('a deposit as real software writes it, through the evaluator', () => {
  it('passes every rule: wrapper, date-times with offsets, adresse1, 3-character département, no privePublic', () => {
    expect(echecs(corps())).toEqual([]);
  });

  it('the same CERFA without its wrapper and with a 2-character département passes too', () => {
    const nu = corps().cerfa;
    nu.apprenti.departementNaissance = '69';
    expect(echecs(nu)).toEqual([]);
  });

  it('names violations by the body’s members, under cerfa.', () => {
    const body = corps();
    delete body.cerfa.employeur.attestationPieces;
    body.cerfa.apprenti.adresse.numeroVoie = '4';
    body.cerfa.formation.nombreHeuresEnDistanciel = 900;
    body.cerfa.contrat.remunerationsAnnuelles[1].dateFin = '2026-06-30T00:00:00+00:00';
    expect(echecs(body).sort()).toEqual([
      'cerfa-employeur-attestations @ cerfa.employeur.attestationPieces',
      'cerfa-membre-non-prevu @ cerfa.apprenti.adresse.numeroVoie',
      'coherence-distanciel-duree-formation @ cerfa.formation.nombreHeuresEnDistanciel',
      'coherence-remuneration-continuite @ cerfa.contrat.remunerationsAnnuelles[1].dateFin',
    ]);
  });

  it('reports each unknown member with a French message naming it, as a warning', () => {
    const body = corps();
    body.cerfa.apprenti.adresse.numeroVoie = '4';
    body.cerfa.contrat.remunerationsAnnuelles[0].codeInterne = 'X';
    const evaluation = evaluate(body, 'cerfa').find((e) => e.ruleId === 'cerfa-membre-non-prevu');
    expect(evaluation?.severity).toBe('avertissement');
    const result = evaluation?.result;
    expect(result?.outcome === 'fail' && result.violations.map((v) => [v.path, v.message])).toEqual([
      ['cerfa.apprenti.adresse.numeroVoie', 'Membre non prévu par la norme : apprenti.adresse.numeroVoie'],
      ['cerfa.contrat.remunerationsAnnuelles[0].codeInterne', 'Membre non prévu par la norme : contrat.remunerationsAnnuelles[0].codeInterne'],
    ]);
  });

  it('a deposit without numeroInterne is accepted (the OPCO assigns one); one at the root is read', () => {
    const sans = corps();
    delete sans.cerfa.numeroInterne;
    expect(echecs(sans)).toEqual([]);
    expect(evaluate(sans, 'cerfa').find((e) => e.ruleId === 'cerfa-numero-interne')?.result.outcome).toBe('not-applicable');
    const racine = { ...sans, numeroInterne: 'N'.repeat(51) };
    expect(echecs(racine)).toEqual(['cerfa-numero-interne @ cerfa.numeroInterne']);
  });

  it('a training site elsewhere is identified in organismeFormationLieuFormationPrincipal', () => {
    const body = corps();
    body.cerfa.organismeFormation.lieuFormationIdentique = false;
    expect(echecs(body)).toEqual(['cerfa-lieu-formation-principal @ cerfa.organismeFormationLieuFormationPrincipal']);
    body.cerfa.organismeFormationLieuFormationPrincipal = {
      denomination: 'Plateau technique de Vénissieux',
      siret: '77123456400025',
      adresse: { adresse1: '5 rue des Fours', adresse2: null, codePostal: '69200', commune: 'Vénissieux' },
    };
    expect(echecs(body)).toEqual([]);
  });
});
