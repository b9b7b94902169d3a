// The members the spec knows in a CERFA deposit, as a tree: what `cerfa-membre-non-prevu` compares real bodies against.
//
// The spec's CERFA schemas are open (real software sends members a rebuilt spec may not list, wire-format.md); this
// tree is their `properties`, kept equal to spec/openapi.yaml by spec/openapi.test.ts.

/** A member: `true` for a leaf, a subtree for an object, a one-element array holding the item's subtree for a list. */
export type Membre = true | MembresConnus | [MembresConnus];
export interface MembresConnus {
  readonly [membre: string]: Membre;
}

const ADRESSE: MembresConnus = { adresse1: true, adresse2: true, codePostal: true, commune: true, departement: true, pays: true };

const MAITRE: MembresConnus = {
  nom: true,
  prenom: true,
  dateNaissance: true,
  courriel: true,
  emploiOccupe: true,
  intituleDiplomeObtenu: true,
  niveauDiplomeObtenu: true,
  nir: true,
};

export const MEMBRES_CERFA: MembresConnus = {
  numeroInterne: true,
  versionCERFA: true,
  CERFASignatureProbante: true,
  employeur: {
    privePublic: true,
    siret: true,
    denomination: true,
    nom: true,
    prenom: true,
    adresse: ADRESSE,
    telephone: true,
    courriel: true,
    typeEmployeur: true,
    employeurSpecifique: true,
    naf: true,
    nombreDeSalaries: true,
    codeIdcc: true,
    libelleIdcc: true,
    caisseComplementaire: true,
    regimeSpecifique: true,
    attestationEligibilite: true,
    attestationPieces: true,
  },
  apprenti: {
    nom: true,
    nomUsage: true,
    prenom: true,
    sexe: true,
    dateNaissance: true,
    lieuNaissanceFrance: true,
    communeNaissance: true,
    departementNaissance: true,
    nir: true,
    nationalite: true,
    regimeSocial: true,
    adresse: ADRESSE,
    telephone: true,
    courriel: true,
    handicap: true,
    droitsRqthExtensionBOE: true,
    droitsRqthEquivalenceJeune: true,
    projetCreationRepriseEntreprise: true,
    inscriptionSportifDeHautNiveau: true,
    situationAvantContrat: true,
    diplomePrepare: true,
    diplome: true,
    derniereClasse: true,
    intituleDiplomePrepare: true,
    apprentiMineur: true,
    apprentiMineurNonEmancipe: true,
    responsableLegal: { nom: true, prenom: true, courriel: true, adresse: ADRESSE, memeAdresse: true },
  },
  maitre1: MAITRE,
  maitre2: MAITRE,
  organismeFormation: {
    formationInterne: true,
    siret: true,
    uaiCfa: true,
    denomination: true,
    adresse: ADRESSE,
    lieuFormationIdentique: true,
  },
  organismeFormationLieuFormationPrincipal: { denomination: true, siret: true, uaiCfa: true, adresse: ADRESSE },
  formation: {
    rncp: true,
    codeDiplome: true,
    typeDiplome: true,
    intituleQualification: true,
    dateDebutFormation: true,
    dateFinFormation: true,
    dureeFormation: true,
    nombreHeuresEnDistanciel: true,
  },
  contrat: {
    modeContractuel: true,
    typeContratApp: true,
    typeDerogation: true,
    numeroContratPrecedent: true,
    dateConclusion: true,
    dateDebutContrat: true,
    dateFormationPratiqueEmployeur: true,
    dateFinContrat: true,
    dateEffetAvenant: true,
    dureeTravailHebdoHeures: true,
    dureeTravailHebdoMinutes: true,
    travailRisque: true,
    smc: true,
    salaireEmbauche: true,
    remunerationsAnnuelles: [
      { dateDebut: true, dateFin: true, taux: true, tauxMinimal: true, typeSalaire: true, salaireBrut: true, ordre: true },
    ],
    avantageNourriture: true,
    avantageLogement: true,
    autreAvantageEnNature: true,
    lieuSignatureContrat: true,
  },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Paths (`apprenti.adresse.numeroVoie`, `contrat.remunerationsAnnuelles[0].x`) of the members the tree does not know. */
export function membresNonPrevus(value: unknown, connus: MembresConnus = MEMBRES_CERFA, prefixe = ''): string[] {
  const out: string[] = [];
  collecter(value, connus, prefixe, out);
  return out;
}

// Runs on every CERFA `validate` reads: paths are built only for the members reported, never for known ones.
function collecter(value: unknown, connus: MembresConnus, prefixe: string, out: string[]): void {
  if (!isObject(value)) return;
  for (const key in value) {
    const membre = Object.hasOwn(connus, key) ? connus[key] : undefined;
    if (membre === true) continue;
    if (membre === undefined) out.push(prefixe === '' ? key : `${prefixe}.${key}`);
    else if (Array.isArray(membre)) {
      const items = value[key];
      if (!Array.isArray(items)) continue;
      const path = prefixe === '' ? key : `${prefixe}.${key}`;
      for (let i = 0; i < items.length; i++) if (isObject(items[i])) collecter(items[i], membre[0], `${path}[${i}]`, out);
    } else if (isObject(value[key])) collecter(value[key], membre, prefixe === '' ? key : `${prefixe}.${key}`, out);
  }
}
