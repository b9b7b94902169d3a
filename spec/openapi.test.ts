// Keeps spec/openapi.yaml honest: Prism loads it, every operation of the norm is there, every example validates and
// uses valid identifiers, and the payload schemas stay in step with the TypeScript types of conformance/model.
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { Ajv, type ValidateFunction } from 'ajv';
import * as addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { ETATS_DOSSIER, ETATS_FACTURE, type DossierLu } from '../conformance/model/dossier.js';
import type { Adresse, Certificat, Cerfa, Convention, Facture } from '../conformance/model/payloads.js';
import { MEMBRES_CERFA, type MembresConnus } from '../conformance/model/membres-cerfa.js';
import { bundledSpecPath, loadSpec } from './load.js';

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------------------------
// The operations the norm exposes (research §1.3; appairage inferred from the FAQ, seed 003).
// ---------------------------------------------------------------------------------------------------------------
const V2_OPERATIONS = [
  'GET /status',
  'POST /dossiers',
  'GET /dossiers',
  'GET /dossiers/etats',
  'GET /dossiers/liste',
  'POST /dossiers/rupture/employeur',
  'GET /dossiers/appairage',
  'POST /conventions',
  'POST /factures',
  'GET /factures/etats',
  'POST /certificats',
  'POST /documents',
  'GET /cfakeyinfo',
];
const V1_OPERATIONS = [
  'GET /status',
  'POST /dossiers',
  'GET /dossiers',
  'GET /dossiers/etats',
  'GET /dossiers/liste',
  'POST /conventions',
  'POST /factures',
  'POST /documents',
];
const versioned = (version: string, ops: string[]) => ops.map((op) => op.replace(' /', ` /${version}/`));
const EXPECTED_OPERATIONS = [...versioned('v1', V1_OPERATIONS), ...versioned('v2', V2_OPERATIONS), 'POST /oauth/token', 'GET /api/opcos'].sort();

// ---------------------------------------------------------------------------------------------------------------
// OpenAPI 3.0 → JSON Schema for ajv: `nullable: true` adds null to the type (as Prism and Spectral read it).
// ---------------------------------------------------------------------------------------------------------------
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || key === 'example' || key === 'examples' || key === 'nullable') continue;
    out[key] = toJsonSchema(value);
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else return { anyOf: [{ type: 'null' }, out] };
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

/** Only the parts of the document that hold schemas are converted; examples stay data. */
function schemaDocument(doc: Json): Json {
  const components = isObject(doc.components) ? doc.components : {};
  return { $id: 'openapi.json', components: { schemas: toJsonSchema(components.schemas) } };
}

const escapePointer = (segment: string | number) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
const pointer = (path: (string | number)[]) => '#/' + path.map(escapePointer).map(encodeURIComponent).join('/');

function resolveRef(doc: Json, node: unknown): unknown {
  let current = node;
  for (let hops = 0; hops < 10 && isObject(current) && typeof current.$ref === 'string'; hops++) {
    const parts = current.$ref.slice(2).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    current = parts.reduce<unknown>((acc, p) => (isObject(acc) ? acc[p] : undefined), doc);
  }
  return current;
}

interface ExampleCase {
  where: string;
  schema: unknown;
  value: unknown;
}

/** Every example written for a request body, a response, a parameter or a shared schema, with its schema. */
function collectExamples(doc: Json): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const fromMedia = (where: string, content: unknown) => {
    if (!isObject(content)) return;
    for (const [mediaType, media] of Object.entries(content)) {
      if (!isObject(media)) continue;
      if ('example' in media) cases.push({ where: `${where} ${mediaType} example`, schema: media.schema, value: media.example });
      if (isObject(media.examples)) {
        for (const [name, ex] of Object.entries(media.examples)) {
          const resolved = resolveRef(doc, ex);
          if (isObject(resolved)) cases.push({ where: `${where} ${mediaType} examples.${name}`, schema: media.schema, value: resolved.value });
        }
      }
    }
  };
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!isObject(operation)) continue;
      const label = `${method.toUpperCase()} ${path}`;
      const body = resolveRef(doc, operation.requestBody);
      if (isObject(body)) fromMedia(`${label} request`, body.content);
      for (const [status, response] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
        const resolved = resolveRef(doc, response);
        if (isObject(resolved)) fromMedia(`${label} ${status}`, resolved.content);
      }
    }
  }
  const components = isObject(doc.components) ? doc.components : {};
  for (const [name, parameter] of Object.entries(isObject(components.parameters) ? components.parameters : {})) {
    if (isObject(parameter) && 'example' in parameter) cases.push({ where: `parameter ${name}`, schema: parameter.schema, value: parameter.example });
  }
  for (const [name, schema] of Object.entries(isObject(components.schemas) ? components.schemas : {})) {
    if (isObject(schema) && 'example' in schema) cases.push({ where: `schema ${name}`, schema: { $ref: `#/components/schemas/${name}` }, value: schema.example });
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------------------------
// Checksums the spec leaves to conformance rules; the examples must pass them anyway (research §3.4).
// ---------------------------------------------------------------------------------------------------------------
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}
const nirKeyOk = (nir: string) =>
  nir.length === 13 || 97 - Number(BigInt(nir.slice(0, 13).replace('2A', '19').replace('2B', '18')) % 97n) === Number(nir.slice(13));
const uaiOk = (uai: string) => 'ABCDEFGHJKLMNPRSTUVWXYZ'[Number(uai.slice(0, 7)) % 23] === uai[7]?.toUpperCase();
const ibanOk = (iban: string) =>
  BigInt((iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55))) % 97n === 1n;

const CHECKS: Record<string, (value: string) => boolean> = {
  siret: luhn,
  siretemployeur: luhn,
  siren: luhn,
  nir: nirKeyOk,
  uaicfa: uaiOk,
  uai: uaiOk,
  iban: ibanOk,
};

/** Identifier values found in an example, by property name, with their JSON path. */
function identifiers(value: unknown, path = ''): { key: string; value: string; path: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => identifiers(v, `${path}[${i}]`));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, v]) =>
    typeof v === 'string' && key.toLowerCase() in CHECKS
      ? [{ key: key.toLowerCase(), value: v, path: `${path}.${key}` }]
      : identifiers(v, `${path}.${key}`),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Typed samples: `Full<T>` forces every optional field, `OnlyRequired<T>` forbids them (excess property checks).
// ---------------------------------------------------------------------------------------------------------------
type Full<T> = T extends readonly (infer U)[] ? Full<U>[] : T extends object ? { [K in keyof T]-?: Full<Exclude<T[K], undefined>> } : T;
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type OnlyRequired<T> = T extends readonly (infer U)[] ? OnlyRequired<U>[] : T extends object ? { [K in RequiredKeys<T>]: OnlyRequired<T[K]> } : T;

const CFA_SIRET = '77889900500020';
const EMPLOYEUR_SIRET = '81234567600017';
const IBAN = 'FR7630004008230001234567819';

const adresseFull: Full<Adresse> = {
  adresse1: '12 Rue Mercière',
  adresse2: 'Bâtiment A',
  codePostal: '69002',
  commune: 'Lyon',
  departement: '69',
  pays: 'France',
};
const adresseMin: OnlyRequired<Adresse> = { adresse1: '12 Rue Mercière', codePostal: '69002', commune: 'Lyon' };

const cerfaFull: Full<Cerfa> = {
  numeroInterne: 'CFA69-2025-00042',
  versionCERFA: '10103*14',
  CERFASignatureProbante: true,
  employeur: {
    privePublic: true,
    siret: EMPLOYEUR_SIRET,
    denomination: 'Librairie Les Mots Passants',
    nom: 'Durand',
    prenom: 'Anne',
    adresse: adresseFull,
    telephone: '+33472410000',
    courriel: 'contact@motspassants.fr',
    typeEmployeur: 12,
    employeurSpecifique: 0,
    naf: '47.61Z',
    nombreDeSalaries: 8,
    codeIdcc: '3013',
    libelleIdcc: 'Convention collective nationale de la librairie',
    caisseComplementaire: 'AG2R La Mondiale',
    regimeSpecifique: false,
    attestationEligibilite: true,
    attestationPieces: true,
  },
  apprenti: {
    nom: 'Rousseau',
    nomUsage: 'Rousseau-Petit',
    prenom: 'Léa',
    sexe: 'F',
    dateNaissance: '2006-05-20',
    lieuNaissanceFrance: true,
    communeNaissance: 'Lyon',
    departementNaissance: '69',
    nir: '206056938304265',
    nationalite: 1,
    regimeSocial: 2,
    adresse: adresseFull,
    telephone: '+33612345678',
    courriel: 'lea.rousseau@exemple.fr',
    handicap: false,
    droitsRqthExtensionBOE: false,
    droitsRqthEquivalenceJeune: false,
    projetCreationRepriseEntreprise: false,
    inscriptionSportifDeHautNiveau: false,
    situationAvantContrat: 1,
    diplomePrepare: 54,
    diplome: 41,
    derniereClasse: 1,
    intituleDiplomePrepare: 'BTS Management commercial opérationnel',
    apprentiMineur: false,
    apprentiMineurNonEmancipe: false,
    responsableLegal: { nom: 'Rousseau', prenom: 'Marc', courriel: 'marc.rousseau@exemple.fr', memeAdresse: false, adresse: adresseFull },
  },
  maitre1: {
    nom: 'Bernard',
    prenom: 'Thomas',
    dateNaissance: '1985-11-02',
    courriel: 'thomas.bernard@motspassants.fr',
    emploiOccupe: 'Responsable de librairie',
    intituleDiplomeObtenu: 'BTS Management des unités commerciales',
    niveauDiplomeObtenu: 5,
    nir: '185113818501738',
  },
  maitre2: {
    nom: 'Moreau',
    prenom: 'Julien',
    dateNaissance: '1979-06-14',
    courriel: 'julien.moreau@motspassants.fr',
    emploiOccupe: 'Libraire',
    intituleDiplomeObtenu: 'Licence professionnelle métiers du livre',
    niveauDiplomeObtenu: 6,
    nir: '179067505612310',
  },
  organismeFormation: {
    formationInterne: false,
    siret: CFA_SIRET,
    uaiCfa: '0693456G',
    denomination: 'CFA du Commerce Rhône-Alpes',
    adresse: adresseFull,
    lieuFormationIdentique: false,
  },
  organismeFormationLieuFormationPrincipal: {
    siret: '77889900500038',
    uaiCfa: '0691234S',
    denomination: 'CFA du Commerce Rhône-Alpes — site de Villeurbanne',
    adresse: adresseFull,
  },
  formation: {
    rncp: 'RNCP38362',
    codeDiplome: '32031213',
    typeDiplome: 54,
    intituleQualification: 'BTS Management commercial opérationnel',
    dateDebutFormation: '2025-09-08',
    dateFinFormation: '2027-06-30',
    dureeFormation: 1350,
    nombreHeuresEnDistanciel: 40,
  },
  contrat: {
    modeContractuel: 1,
    typeContratApp: 36,
    typeDerogation: 21,
    numeroContratPrecedent: '069202509NC0042',
    dateConclusion: '2025-07-10',
    dateDebutContrat: '2025-09-01',
    dateFormationPratiqueEmployeur: '2025-09-01',
    dateFinContrat: '2027-08-31',
    dateEffetAvenant: '2026-01-05',
    dureeTravailHebdoHeures: 35,
    dureeTravailHebdoMinutes: 0,
    travailRisque: false,
    smc: 1801.8,
    salaireEmbauche: 774.78,
    remunerationsAnnuelles: [
      { dateDebut: '2025-09-01', dateFin: '2026-08-31', taux: 43, tauxMinimal: 43, typeSalaire: 'SMIC', salaireBrut: 774.78, ordre: '1.1' },
    ],
    avantageNourriture: 4.15,
    avantageLogement: 0,
    autreAvantageEnNature: true,
    lieuSignatureContrat: 'Lyon',
  },
};

const cerfaMin: OnlyRequired<Cerfa> = {
  employeur: {
    siret: EMPLOYEUR_SIRET,
    denomination: 'Librairie Les Mots Passants',
    adresse: adresseMin,
    telephone: '+33472410000',
    courriel: 'contact@motspassants.fr',
    typeEmployeur: 12,
    naf: '4761Z',
    nombreDeSalaries: 8,
    codeIdcc: '3013',
  },
  apprenti: {
    nom: 'Rousseau',
    prenom: 'Léa',
    sexe: 'F',
    dateNaissance: '2006-05-20',
    communeNaissance: 'Lyon',
    departementNaissance: '69',
    nir: '2060569383042',
    nationalite: 1,
    regimeSocial: 2,
    adresse: adresseMin,
    telephone: '+33612345678',
    courriel: 'lea.rousseau@exemple.fr',
    handicap: false,
    situationAvantContrat: 1,
    diplomePrepare: 54,
    diplome: 41,
    derniereClasse: 1,
  },
  maitre1: { nom: 'Bernard', prenom: 'Thomas', dateNaissance: '1985-11-02' },
  organismeFormation: { siret: CFA_SIRET, uaiCfa: '0693456G', denomination: 'CFA du Commerce Rhône-Alpes', adresse: adresseMin },
  formation: {
    rncp: '38362',
    codeDiplome: '32031213',
    intituleQualification: 'BTS Management commercial opérationnel',
    dateDebutFormation: '2025-09-08',
    dateFinFormation: '2027-06-30',
    dureeFormation: 1350,
  },
  contrat: {
    modeContractuel: 1,
    typeContratApp: 11,
    dateConclusion: '2025-07-10',
    dateDebutContrat: '2025-09-01',
    dateFinContrat: '2027-08-31',
    dureeTravailHebdoHeures: 35,
    salaireEmbauche: 774.78,
    remunerationsAnnuelles: [{ dateDebut: '2025-09-01', dateFin: '2026-08-31', taux: 43, typeSalaire: 'SMIC', ordre: '1.1' }],
  },
};

const certificatFull: Full<Certificat> = {
  typeCertificat: 'Intermediaire',
  numeroInterneDossier: 'CFA69-2025-00042',
  numeroInterneFacture: 'FAC-2025-0187',
  dateSignature: '2025-12-05',
  lieuSignature: 'Lyon',
  representantLegal: { nom: 'Garnier', prenom: 'Sophie', qualite: 'Directrice du CFA' },
  attestationConservationPieces: true,
  natureAction: 'Formation par apprentissage',
  employeur: { siret: EMPLOYEUR_SIRET },
  apprenti: { nom: 'Rousseau', prenom: 'Léa', nomUsage: 'Rousseau-Petit' },
  organismeFormation: { siret: CFA_SIRET },
  echeance: { numero: 2, codification: 'E2', duree: 175, dateDebut: '2025-12-01', dateFin: '2026-02-28', echeancePartielle: false },
};
const certificatMin: OnlyRequired<Certificat> = {
  typeCertificat: 'Final',
  numeroInterneDossier: 'CFA69-2025-00042',
  employeur: { siret: EMPLOYEUR_SIRET },
  apprenti: { nom: 'Rousseau', prenom: 'Léa' },
  organismeFormation: { siret: CFA_SIRET },
  echeance: { numero: 8 },
};

const factureFull: Full<Facture> = {
  numeroInterneFacture: 'FAC-2025-0187',
  referenceFactureCFA: 'CFACOM/2025/12/0187',
  dateFacture: '2025-12-05',
  organismeFormation: { siret: CFA_SIRET, IBAN, denomination: 'CFA du Commerce Rhône-Alpes', uaiCfa: '0693456G' },
  montantTotal: 2280,
  lignes: [
    {
      numeroInterneDossier: 'CFA69-2025-00042',
      numeroExterneDossier: 'OPCO-2025-004217',
      numeroEcheance: 2,
      montantEcheance: 2100,
      montantPedagogique: 2100,
      montantMajorationRQTH: 0,
      fraisAnnexes: [{ nature: 'RESTAURATION', quantite: 60, prixUnitaire: 3, montant: 180 }],
      montant: 2280,
    },
  ],
  certificatRealisation: certificatFull,
};
const factureMin: OnlyRequired<Facture> = {
  numeroInterneFacture: 'FAC-2025-0187',
  dateFacture: '2025-12-05',
  organismeFormation: { siret: CFA_SIRET },
  montantTotal: 2100,
  lignes: [{ numeroInterneDossier: 'CFA69-2025-00042', numeroEcheance: 2, montantEcheance: 2100, montantPedagogique: 2100, montant: 2100 }],
};

const conventionFull: Full<Convention> = {
  numeroInterneDossier: 'CFA69-2025-00042',
  employeur: { siret: EMPLOYEUR_SIRET },
  apprenti: { nom: 'Rousseau', prenom: 'Léa', nomUsage: 'Rousseau-Petit' },
  contrat: { dateDebutContrat: '2025-09-01', dateFinContrat: '2027-08-31' },
  organismeFormation: { siret: CFA_SIRET, uaiCfa: '0693456G' },
  formation: {
    dateDebutFormation: '2025-09-08',
    dateFinFormation: '2027-06-30',
    dureeFormation: 1350,
    rncp: 'RNCP38362',
    intituleQualification: 'BTS Management commercial opérationnel',
  },
  couts: {
    coutTotalPedagogieCFA: 14000,
    montantRQTHAnnee1: 4000,
    montantRQTHAnnee2: null,
    montantRQTHAnnee3: null,
    nombreRepasTotaux: 200,
    nombreHebergementTotaux: 10,
    montantPremierEquipement: 500,
    mentionMobiliteInternationale: false,
    accompagnementDROM: false,
  },
  mandatEmployeur: true,
  dateSignature: '2025-07-15',
  attestationConventionSigneeEntreprise: true,
  attestationConventionSigneeCFA: true,
  attestationConventionSignatureProbante: true,
  attestationConventionConformeJSON: true,
};
const conventionMin: OnlyRequired<Convention> = {
  numeroInterneDossier: 'CFA69-2025-00042',
  employeur: { siret: EMPLOYEUR_SIRET },
  apprenti: { nom: 'Rousseau', prenom: 'Léa' },
  contrat: { dateDebutContrat: '2025-09-01', dateFinContrat: '2027-08-31' },
  organismeFormation: { siret: CFA_SIRET },
  formation: { dateDebutFormation: '2025-09-08', dateFinFormation: '2027-06-30', dureeFormation: 1350 },
  couts: { coutTotalPedagogieCFA: 14000 },
  mandatEmployeur: true,
  dateSignature: '2025-07-15',
  attestationConventionSigneeEntreprise: true,
  attestationConventionSigneeCFA: true,
};

const echeance = {
  numero: 1,
  codification: 'E1',
  montantTotal: 2800,
  montantPedagogique: 2800,
  montantMajorationRQTH: 0,
  montantRegle: 2800,
  montantEnCoursInstruction: 0,
  dateOuverture: '2025-09-01',
  dateDebut: '2025-09-01',
  dateFin: '2025-11-30',
  iban: IBAN,
  siret: CFA_SIRET,
};
const dossierLuFull: Full<DossierLu> = {
  cerfa: { ...cerfaFull, numeroExterne: 'OPCO-2025-004217', numeroDeca: '069202509NC0042', etat: 'ENGAGE', commentaireEtat: 'Dossier engagé' },
  engagement: 14000,
  echeances: [echeance],
  engagementsFraisAnnexe: [{ natureFrais: 'RESTAURATION', quantite: 200, prixUnitaire: 3, montantTotal: 600 }],
  detailsFacturation: { iban: IBAN, plafondFraisPremierEquipement: 500, fraisPremierEquipementRegles: false, fraisMobiliteRegles: false },
};
const dossierLuMin: OnlyRequired<DossierLu> = {
  cerfa: { ...cerfaMin, numeroInterne: 'CFA69-2025-00042', numeroExterne: 'OPCO-2025-004217', etat: 'TRANSMIS' },
  engagement: null,
  echeances: [{ ...echeance, dateDebut: null, dateFin: null }],
  engagementsFraisAnnexe: [{ natureFrais: 'PREMIER_EQUIPEMENT', quantite: 1, prixUnitaire: 500, montantTotal: 500 }],
  detailsFacturation: { iban: IBAN, plafondFraisPremierEquipement: 500, fraisPremierEquipementRegles: false },
};

/** The read model adds, beyond the TS type, what OPCOs answer about the contract (research §1.4). */
const READ_MODEL_ADDITIONS = new Set(['cerfa.contrat.noContrat', 'cerfa.contrat.dateRupture', 'cerfa.employeurV2']);

interface ShapeDiff {
  notInSchema: string[];
  notInType: string[];
  requiredMismatch: string[];
}

/**
 * Walks a schema alongside a full sample (every optional field present) and a minimal sample (required fields only):
 * the schema's properties must be the full sample's keys, and its `required` list the minimal sample's keys.
 */
function compareShape(doc: Json, rawSchema: unknown, full: unknown, minimal: unknown, path: string, diff: ShapeDiff): void {
  let schema = resolveRef(doc, rawSchema);
  if (isObject(schema) && Array.isArray(schema.allOf) && schema.allOf.length === 1) schema = resolveRef(doc, schema.allOf[0]);
  if (!isObject(schema)) return;
  if (Array.isArray(full)) {
    const minItems = Array.isArray(minimal) ? minimal : [];
    full.forEach((item, i) => compareShape(doc, schema.items, item, minItems[i] ?? minItems[0], `${path}[]`, diff));
    return;
  }
  if (!isObject(full)) return;
  const properties = isObject(schema.properties) ? schema.properties : {};
  const at = (key: string) => (path ? `${path}.${key}` : key);
  for (const key of Object.keys(full)) if (!(key in properties)) diff.notInSchema.push(at(key));
  for (const key of Object.keys(properties)) if (!(key in full)) diff.notInType.push(at(key));
  const required = [...(Array.isArray(schema.required) ? (schema.required as string[]) : [])].sort();
  const minimalKeys = isObject(minimal) ? Object.keys(minimal).sort() : [];
  if (isObject(minimal) && JSON.stringify(required) !== JSON.stringify(minimalKeys)) {
    diff.requiredMismatch.push(`${path || '(root)'}: schema requires [${required.join(', ')}], TS requires [${minimalKeys.join(', ')}]`);
  }
  for (const [key, value] of Object.entries(full)) {
    if (key in properties) compareShape(doc, properties[key], value, isObject(minimal) ? minimal[key] : undefined, at(key), diff);
  }
}

// ---------------------------------------------------------------------------------------------------------------

let doc: Json;
let ajv: Ajv;
const validators = new Map<string, ValidateFunction>();

function validatorFor(schema: unknown): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    // Refs inside the document point at `#/components/...`: make them absolute against the registered document.
    const absolute = JSON.parse(key.replace(/"\$ref":"#\//g, '"$ref":"openapi.json#/')) as unknown;
    validate = ajv.compile(toJsonSchema(absolute) as object);
    validators.set(key, validate);
  }
  return validate;
}

function errorsOf(schemaName: string, value: unknown): string[] {
  const validate = validatorFor({ $ref: `#/components/schemas/${schemaName}` });
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? e.keyword}`);
}

beforeAll(async () => {
  doc = (await loadSpec()).document;
  ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(schemaDocument(doc));
});

describe('spec/openapi.yaml', () => {
  it('loads in Prism with exactly the operations of the norm, in v1 and v2', async () => {
    const operations = await getHttpOperationsFromSpec(bundledSpecPath());
    const found = operations.map((op) => `${op.method.toUpperCase()} ${op.path}`).sort();
    expect(found).toEqual(EXPECTED_OPERATIONS);
  });

  it('gives every operation a unique operationId and an x-source', () => {
    const ids: string[] = [];
    for (const item of Object.values(doc.paths as Json)) {
      for (const operation of Object.values(item as Json)) {
        const op = operation as Json;
        ids.push(String(op.operationId));
        expect(op['x-source'], String(op.operationId)).toMatchObject({ section: expect.any(String), confidence: expect.any(String) });
      }
    }
    expect(new Set(ids).size).toBe(EXPECTED_OPERATIONS.length);
  });

  it('validates every request, response, parameter and schema example against its schema', () => {
    const cases = collectExamples(doc);
    // Every operation has a body or a 2xx example; the count guards against the walker silently finding nothing.
    expect(cases.length).toBeGreaterThan(60);
    const failures = cases.flatMap(({ where, schema, value }) => {
      const validate = validatorFor(schema);
      return validate(value) ? [] : [`${where}: ${ajv.errorsText(validate.errors)}`];
    });
    expect(failures).toEqual([]);
  });

  it('has an example on every request body and every 2xx response', () => {
    const missing: string[] = [];
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      for (const [method, operation] of Object.entries(item as Json)) {
        const op = operation as Json;
        const hasExample = (content: unknown) =>
          isObject(content) && Object.values(content).every((m) => isObject(m) && ('example' in m || 'examples' in m));
        const body = op.requestBody as Json | undefined;
        if (body && !hasExample(body.content)) missing.push(`${method} ${path} request`);
        for (const [status, response] of Object.entries(op.responses as Json)) {
          if (status.startsWith('2') && !hasExample((response as Json).content)) missing.push(`${method} ${path} ${status}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('rejects a bad payload (wrong SIRET, bad NIR pattern) but accepts unknown members, date-times and 3-character départements', () => {
    const cerfa = structuredClone(cerfaFull) as unknown as Json & { employeur: Json; apprenti: Json; contrat: Json };
    expect(errorsOf('Cerfa', cerfa)).toEqual([]);
    cerfa.employeur.siret = '8123456760001';
    expect(errorsOf('Cerfa', cerfa).join('\n')).toContain('/employeur/siret');
    cerfa.employeur.siret = EMPLOYEUR_SIRET;
    // Real software sends members a rebuilt spec may not list: the schema accepts them, a rule warns.
    cerfa.apprenti.champInconnu = 'x';
    expect(errorsOf('Cerfa', cerfa)).toEqual([]);
    cerfa.apprenti.dateNaissance = '2006-05-20T00:00:00+00:00';
    cerfa.contrat.dateDebutContrat = '2025-09-01T00:00:00Z';
    cerfa.apprenti.departementNaissance = '069';
    cerfa.apprenti.nomUsage = null;
    expect(errorsOf('Cerfa', cerfa)).toEqual([]);
    cerfa.contrat.dateFinContrat = '31/08/2027';
    expect(errorsOf('Cerfa', cerfa).join('\n')).toContain('/contrat/dateFinContrat');
    cerfa.contrat.dateFinContrat = '2027-08-31';
    cerfa.apprenti.nir = '3060569383042';
    expect(errorsOf('Cerfa', cerfa).join('\n')).toContain('/apprenti/nir');
    expect(errorsOf('DepotCerfa', { cerfa: cerfaMin })).toEqual([]);
    expect(errorsOf('DepotCerfa', { cerfa: cerfaMin, numeroInterne: 'CFA69-2025-00042' })).toEqual([]);
    expect(errorsOf('DepotCerfa', cerfaMin).join('\n')).toMatch(/cerfa/);
    const facture = structuredClone(factureMin) as unknown as Json & { lignes: Json[] };
    facture.lignes = [];
    expect(errorsOf('Facture', facture).join('\n')).toContain('/lignes');
    expect(errorsOf('DossierLu', { ...dossierLuMin, cerfa: { ...dossierLuMin.cerfa, etat: 'RUPTU' } }).join('\n')).toContain('/cerfa/etat');
  });

  it('uses valid identifiers in every example (SIRET Luhn, NIR key, UAI letter, IBAN mod 97)', () => {
    const found = collectExamples(doc).flatMap(({ where, value }) => identifiers(value).map((id) => ({ ...id, where })));
    expect(found.length).toBeGreaterThan(20);
    const invalid = found.filter(({ key, value }) => !CHECKS[key]!(value)).map(({ where, path, value }) => `${where} ${path} = ${value}`);
    expect(invalid).toEqual([]);
  });

  it('keeps the NIR of the CERFA example consistent with the apprentice (sexe, birth year and month, department)', () => {
    const example = resolveRef(doc, { $ref: '#/components/examples/Cerfa' }) as { value: { cerfa: { apprenti: Record<string, string> } } };
    const { nir, sexe, dateNaissance, departementNaissance } = example.value.cerfa.apprenti as Record<string, string>;
    expect(nir!.slice(0, 1)).toBe(sexe === 'M' ? '1' : '2');
    expect(nir!.slice(1, 3)).toBe(dateNaissance!.slice(2, 4));
    expect(nir!.slice(3, 5)).toBe(dateNaissance!.slice(5, 7));
    expect(nir!.slice(5, 7)).toBe(departementNaissance!.slice(-2));
  });
});

describe('spec schemas and the TypeScript model (conformance/model) stay in step', () => {
  const cases = [
    { name: 'Cerfa', full: cerfaFull, minimal: cerfaMin },
    { name: 'Facture', full: factureFull, minimal: factureMin },
    { name: 'Convention', full: conventionFull, minimal: conventionMin },
    { name: 'Certificat', full: certificatFull, minimal: certificatMin },
    { name: 'DossierLu', full: dossierLuFull, minimal: dossierLuMin },
  ];

  for (const { name, full, minimal } of cases) {
    it(`${name}: same property names and required lists as the TS type, and typed samples validate`, () => {
      const diff: ShapeDiff = { notInSchema: [], notInType: [], requiredMismatch: [] };
      compareShape(doc, { $ref: `#/components/schemas/${name}` }, full, minimal, '', diff);
      diff.notInType = diff.notInType.filter((p) => !READ_MODEL_ADDITIONS.has(p));
      expect(diff).toEqual({ notInSchema: [], notInType: [], requiredMismatch: [] });
      expect(errorsOf(name, full)).toEqual([]);
      expect(errorsOf(name, minimal)).toEqual([]);
    });
  }

  it('ContratLu (read model) repeats every property and the required list of Contrat', () => {
    const schemas = (doc.components as Json).schemas as Record<string, Json>;
    const contrat = schemas.Contrat!;
    const contratLu = schemas.ContratLu!;
    expect(Object.keys(contratLu.properties as Json)).toEqual(expect.arrayContaining(Object.keys(contrat.properties as Json)));
    expect(contratLu.required).toEqual(contrat.required);
  });

  it('MEMBRES_CERFA (what cerfa-membre-non-prevu knows) is exactly the properties of the Cerfa schema, at every depth', () => {
    const tree = (raw: unknown): MembresConnus => {
      let schema = resolveRef(doc, raw);
      if (isObject(schema) && Array.isArray(schema.allOf) && schema.allOf.length === 1) schema = resolveRef(doc, schema.allOf[0]);
      const properties = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
      const out: Record<string, MembresConnus[string]> = {};
      for (const [key, value] of Object.entries(properties)) {
        let property = resolveRef(doc, value);
        if (isObject(property) && Array.isArray(property.allOf) && property.allOf.length === 1) property = resolveRef(doc, property.allOf[0]);
        if (isObject(property) && property.type === 'object') out[key] = tree(property);
        else if (isObject(property) && property.type === 'array' && isObject(resolveRef(doc, property.items)) && (resolveRef(doc, property.items) as Json).type === 'object') out[key] = [tree(property.items)];
        else out[key] = true;
      }
      return out;
    };
    expect(tree({ $ref: '#/components/schemas/Cerfa' })).toEqual(MEMBRES_CERFA);
  });

  it('uses the TS state lists for EtatDossier and EtatFacture', () => {
    const schemas = (doc.components as Json).schemas as Record<string, Json>;
    expect(schemas.EtatDossier!.enum).toEqual([...ETATS_DOSSIER]);
    expect(schemas.EtatFacture!.enum).toEqual([...ETATS_FACTURE]);
  });
});
