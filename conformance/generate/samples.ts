// Small embedded référentiels the generators draw from: communes, certifications, sectors, banks, CFA names.
//
// SAMPLE DATA for realistic test payloads, not an authoritative référentiel: commune/postal/INSEE codes are real
// to the best of our knowledge; RNCP and code diplôme pairs are plausible samples (a few were cross-checked in
// public CFA code, e.g. BTS MCO RNCP38362/32031213, BTS NDRC RNCP38368/32031212); NPEC amounts are round figures.

/** A commune: name, one of its postal codes, its INSEE code (which gives the département and the NIR digits). */
export interface Commune {
  nom: string;
  codePostal: string;
  insee: string;
}

const C = (nom: string, codePostal: string, insee: string): Commune => ({ nom, codePostal, insee });

export const COMMUNES: readonly Commune[] = [
  C('Paris', '75001', '75101'), C('Paris', '75005', '75105'), C('Paris', '75011', '75111'), C('Paris', '75013', '75113'),
  C('Paris', '75015', '75115'), C('Paris', '75017', '75117'), C('Paris', '75018', '75118'), C('Paris', '75020', '75120'),
  C('Lyon', '69003', '69383'), C('Lyon', '69007', '69387'), C('Lyon', '69008', '69388'),
  C('Marseille', '13001', '13201'), C('Marseille', '13008', '13208'), C('Marseille', '13013', '13213'),
  C('Toulouse', '31000', '31555'), C('Toulouse', '31400', '31555'), C('Nice', '06000', '06088'), C('Nice', '06300', '06088'),
  C('Nantes', '44000', '44109'), C('Strasbourg', '67000', '67482'), C('Montpellier', '34000', '34172'),
  C('Bordeaux', '33000', '33063'), C('Lille', '59000', '59350'), C('Rennes', '35000', '35238'), C('Reims', '51100', '51454'),
  C('Le Havre', '76600', '76351'), C('Saint-Étienne', '42000', '42218'), C('Toulon', '83000', '83137'),
  C('Grenoble', '38000', '38185'), C('Dijon', '21000', '21231'), C('Angers', '49000', '49007'), C('Nîmes', '30000', '30189'),
  C('Villeurbanne', '69100', '69266'), C('Clermont-Ferrand', '63000', '63113'), C('Le Mans', '72000', '72181'),
  C('Aix-en-Provence', '13100', '13001'), C('Brest', '29200', '29019'), C('Tours', '37000', '37261'),
  C('Amiens', '80000', '80021'), C('Limoges', '87000', '87085'), C('Annecy', '74000', '74010'),
  C('Perpignan', '66000', '66136'), C('Metz', '57000', '57463'), C('Besançon', '25000', '25056'),
  C('Orléans', '45000', '45234'), C('Rouen', '76000', '76540'), C('Mulhouse', '68100', '68224'), C('Caen', '14000', '14118'),
  C('Nancy', '54000', '54395'), C('Poitiers', '86000', '86194'), C('Pau', '64000', '64445'), C('Bayonne', '64100', '64102'),
  C('La Rochelle', '17000', '17300'), C('Avignon', '84000', '84007'), C('Valence', '26000', '26362'),
  C('Chambéry', '73000', '73065'), C('Troyes', '10000', '10387'), C('Quimper', '29000', '29232'), C('Vannes', '56000', '56260'),
  C('Lorient', '56100', '56121'), C('Saint-Brieuc', '22000', '22278'), C('Laval', '53000', '53130'),
  C('Colmar', '68000', '68066'), C('Calais', '62100', '62193'), C('Arras', '62000', '62041'), C('Dunkerque', '59140', '59183'),
  C('Roubaix', '59100', '59512'), C('Tourcoing', '59200', '59599'), C('Beauvais', '60000', '60057'),
  C('Versailles', '78000', '78646'), C('Nanterre', '92000', '92050'), C('Boulogne-Billancourt', '92100', '92012'),
  C('Saint-Denis', '93200', '93066'), C('Montreuil', '93100', '93048'), C('Créteil', '94000', '94028'),
  C('Vitry-sur-Seine', '94400', '94081'), C('Argenteuil', '95100', '95018'), C('Cergy', '95000', '95127'),
  C('Évry-Courcouronnes', '91000', '91228'), C('Melun', '77000', '77288'), C('Meaux', '77100', '77284'),
  C('Bourges', '18000', '18033'), C('Blois', '41000', '41018'), C('Chartres', '28000', '28085'), C('Niort', '79000', '79191'),
  C('Angoulême', '16000', '16015'), C('Périgueux', '24000', '24322'), C('Agen', '47000', '47001'),
  C('Mont-de-Marsan', '40000', '40192'), C('Tarbes', '65000', '65440'), C('Auch', '32000', '32013'),
  C('Montauban', '82000', '82121'), C('Albi', '81000', '81004'), C('Rodez', '12000', '12202'), C('Cahors', '46000', '46042'),
  C('Foix', '09000', '09122'), C('Carcassonne', '11000', '11069'), C('Narbonne', '11100', '11262'),
  C('Béziers', '34500', '34032'), C('Alès', '30100', '30007'), C('Mende', '48000', '48095'),
  C('Le Puy-en-Velay', '43000', '43157'), C('Aurillac', '15000', '15014'), C('Moulins', '03000', '03190'),
  C('Vichy', '03200', '03310'), C('Nevers', '58000', '58194'), C('Auxerre', '89000', '89024'), C('Mâcon', '71000', '71270'),
  C('Chalon-sur-Saône', '71100', '71076'), C('Bourg-en-Bresse', '01000', '01053'), C('Lons-le-Saunier', '39000', '39300'),
  C('Vesoul', '70000', '70550'), C('Belfort', '90000', '90010'), C('Épinal', '88000', '88160'),
  C('Bar-le-Duc', '55000', '55029'), C('Charleville-Mézières', '08000', '08105'), C('Châlons-en-Champagne', '51000', '51108'),
  C('Chaumont', '52000', '52121'), C('Laon', '02000', '02408'), C('Saint-Quentin', '02100', '02691'),
  C('Évreux', '27000', '27229'), C('Alençon', '61000', '61001'), C('Saint-Lô', '50000', '50502'),
  C('Gap', '05000', '05061'), C('Digne-les-Bains', '04000', '04070'), C('Privas', '07000', '07186'),
  C('Cannes', '06400', '06029'), C('Antibes', '06600', '06004'), C('Fréjus', '83600', '83061'),
  C('Guéret', '23000', '23096'), C('Tulle', '19000', '19272'), C('Brive-la-Gaillarde', '19100', '19031'),
  C('Châteauroux', '36000', '36044'), C('La Roche-sur-Yon', '85000', '85191'), C('Saint-Nazaire', '44600', '44184'),
  C('Cholet', '49300', '49099'), C('Thionville', '57100', '57672'), C('Haguenau', '67500', '67180'),
  C('Annemasse', '74100', '74012'), C('Vienne', '38200', '38544'), C('Arles', '13200', '13004'),
  C('Saint-Malo', '35400', '35288'), C('Ajaccio', '20000', '2A004'), C('Porto-Vecchio', '20137', '2A247'),
  C('Bastia', '20200', '2B033'), C('Corte', '20250', '2B096'),
  C('Pointe-à-Pitre', '97110', '97120'), C('Les Abymes', '97139', '97101'), C('Fort-de-France', '97200', '97209'),
  C('Le Lamentin', '97232', '97213'), C('Cayenne', '97300', '97302'), C('Saint-Denis', '97400', '97411'),
  C('Saint-Pierre', '97410', '97416'), C('Mamoudzou', '97600', '97611'),
];

/** Département of a commune: 2 characters (2A/2B for Corsica), 3 digits overseas. */
export function departementOf(commune: Commune): string {
  return commune.insee.startsWith('97') ? commune.insee.slice(0, 3) : commune.insee.slice(0, 2);
}

export const COMMUNES_BY_DEPARTEMENT: ReadonlyMap<string, readonly Commune[]> = (() => {
  const map = new Map<string, Commune[]>();
  for (const commune of COMMUNES) {
    const dept = departementOf(commune);
    const list = map.get(dept);
    if (list) list.push(commune);
    else map.set(dept, [commune]);
  }
  return map;
})();

/** Countries of birth abroad: INSEE country code (the NIR's 3 digits after 99), name, a city, EU member. */
export interface PaysNaissance {
  code: string;
  pays: string;
  ville: string;
  ue: boolean;
}

export const PAYS_NAISSANCE: readonly PaysNaissance[] = [
  { code: '350', pays: 'Maroc', ville: 'Casablanca', ue: false },
  { code: '352', pays: 'Algérie', ville: 'Oran', ue: false },
  { code: '351', pays: 'Tunisie', ville: 'Sfax', ue: false },
  { code: '139', pays: 'Portugal', ville: 'Porto', ue: true },
  { code: '134', pays: 'Espagne', ville: 'Valence', ue: true },
  { code: '127', pays: 'Italie', ville: 'Turin', ue: true },
  { code: '131', pays: 'Belgique', ville: 'Liège', ue: true },
  { code: '114', pays: 'Roumanie', ville: 'Bucarest', ue: true },
  { code: '341', pays: 'Sénégal', ville: 'Dakar', ue: false },
  { code: '326', pays: "Côte d'Ivoire", ville: 'Abidjan', ue: false },
  { code: '335', pays: 'Mali', ville: 'Bamako', ue: false },
  { code: '208', pays: 'Turquie', ville: 'Izmir', ue: false },
];

/**
 * A certification a CFA prepares to. typeDiplome uses the codes of the notice 51649#09 of CERFA 10103*14 (33 CAP,
 * 41 bac pro, 49 other bac, 54 BTS, 58 other bac+2, 62 licence pro, 64 BUT, 73 master, 75 diplôme d'ingénieur,
 * 38 other CAP/BEP). `annees` is the usual contract length;
 * `heures` the usual CFA hours; `ages` the usual age band at the start.
 */
export interface Certification {
  rncp: string;
  codeDiplome: string;
  typeDiplome: number;
  intitule: string;
  annees: 1 | 2 | 3;
  heures: number;
  ages: readonly [number, number];
  /** Annual NPEC (niveau de prise en charge), EUR — sample amounts. */
  npec: number;
  /** Highest diploma usually held before (CERFA codes), most likely first. */
  prerequis: readonly number[];
}

export const CERTIFICATIONS = {
  capCuisine: { rncp: 'RNCP26650', codeDiplome: '50022135', typeDiplome: 33, intitule: 'CAP Cuisine', annees: 2, heures: 840, ages: [16, 19], npec: 8500, prerequis: [25, 13] },
  capBoulanger: { rncp: 'RNCP37204', codeDiplome: '50022131', typeDiplome: 33, intitule: 'CAP Boulanger', annees: 2, heures: 840, ages: [16, 19], npec: 8200, prerequis: [25, 13] },
  capPatissier: { rncp: 'RNCP35316', codeDiplome: '50022134', typeDiplome: 33, intitule: 'CAP Pâtissier', annees: 2, heures: 840, ages: [16, 20], npec: 8200, prerequis: [25, 13] },
  bpBoulanger: { rncp: 'RNCP35320', codeDiplome: '45022104', typeDiplome: 49, intitule: 'BP Boulanger', annees: 2, heures: 840, ages: [18, 22], npec: 8000, prerequis: [33] },
  capCoiffure: { rncp: 'RNCP35049', codeDiplome: '50033616', typeDiplome: 33, intitule: 'CAP Métiers de la coiffure', annees: 2, heures: 840, ages: [16, 20], npec: 7300, prerequis: [25, 13] },
  bpCoiffure: { rncp: 'RNCP36053', codeDiplome: '45033607', typeDiplome: 49, intitule: 'BP Coiffure', annees: 2, heures: 840, ages: [18, 23], npec: 7600, prerequis: [33] },
  capMaintenanceVehicules: { rncp: 'RNCP37282', codeDiplome: '50025216', typeDiplome: 33, intitule: 'CAP Maintenance des véhicules option A voitures particulières', annees: 2, heures: 840, ages: [16, 20], npec: 8400, prerequis: [25, 13] },
  bacProMaintenanceVehicules: { rncp: 'RNCP37284', codeDiplome: '40025213', typeDiplome: 41, intitule: 'Bac pro Maintenance des véhicules option A voitures particulières', annees: 3, heures: 1850, ages: [16, 19], npec: 9000, prerequis: [25] },
  capElectricien: { rncp: 'RNCP36870', codeDiplome: '50025519', typeDiplome: 33, intitule: 'CAP Électricien', annees: 2, heures: 840, ages: [16, 20], npec: 8600, prerequis: [25, 13] },
  capMonteurSanitaire: { rncp: 'RNCP35325', codeDiplome: '50023322', typeDiplome: 33, intitule: 'CAP Monteur en installations sanitaires', annees: 2, heures: 840, ages: [16, 20], npec: 8600, prerequis: [25, 13] },
  bacProCommerce: { rncp: 'RNCP32208', codeDiplome: '40031213', typeDiplome: 41, intitule: 'Bac pro Métiers du commerce et de la vente option A', annees: 3, heures: 1850, ages: [16, 19], npec: 7200, prerequis: [25] },
  btsMco: { rncp: 'RNCP38362', codeDiplome: '32031213', typeDiplome: 54, intitule: 'BTS Management commercial opérationnel', annees: 2, heures: 1350, ages: [18, 23], npec: 7000, prerequis: [42, 43, 41] },
  btsNdrc: { rncp: 'RNCP38368', codeDiplome: '32031212', typeDiplome: 54, intitule: 'BTS Négociation et digitalisation de la relation client', annees: 2, heures: 1350, ages: [18, 23], npec: 7200, prerequis: [42, 43, 41] },
  btsSio: { rncp: 'RNCP35340', codeDiplome: '32032613', typeDiplome: 54, intitule: 'BTS Services informatiques aux organisations option SLAM', annees: 2, heures: 1350, ages: [18, 23], npec: 8200, prerequis: [42, 43] },
  btsCg: { rncp: 'RNCP35521', codeDiplome: '32031409', typeDiplome: 54, intitule: 'BTS Comptabilité et gestion', annees: 2, heures: 1350, ages: [18, 23], npec: 7300, prerequis: [42, 43] },
  btsMs: { rncp: 'RNCP35323', codeDiplome: '32025002', typeDiplome: 54, intitule: 'BTS Maintenance des systèmes option A systèmes de production', annees: 2, heures: 1350, ages: [18, 23], npec: 9400, prerequis: [41, 43] },
  btsPi: { rncp: 'RNCP38111', codeDiplome: '32031309', typeDiplome: 54, intitule: 'BTS Professions immobilières', annees: 2, heures: 1350, ages: [18, 24], npec: 7000, prerequis: [42, 43] },
  tpDwwm: { rncp: 'RNCP37674', codeDiplome: '36T32602', typeDiplome: 58, intitule: 'Titre professionnel Développeur web et web mobile', annees: 1, heures: 700, ages: [19, 29], npec: 9500, prerequis: [42, 43, 54] },
  tpPreparateurCommandes: { rncp: 'RNCP38417', codeDiplome: '56T31101', typeDiplome: 38, intitule: 'Titre professionnel Préparateur de commandes en entrepôt', annees: 1, heures: 560, ages: [18, 29], npec: 6200, prerequis: [13, 25, 33] },
  licenceProCommerce: { rncp: 'RNCP30082', codeDiplome: '25031224', typeDiplome: 62, intitule: 'Licence professionnelle Commerce et distribution', annees: 1, heures: 600, ages: [20, 25], npec: 7500, prerequis: [54, 55] },
  licenceProBanque: { rncp: 'RNCP30110', codeDiplome: '25031305', typeDiplome: 62, intitule: 'Licence professionnelle Assurance, banque, finance : chargé de clientèle', annees: 1, heures: 600, ages: [20, 25], npec: 7800, prerequis: [54, 55] },
  masterMae: { rncp: 'RNCP34034', codeDiplome: '13531205', typeDiplome: 73, intitule: 'Master Management et administration des entreprises', annees: 2, heures: 1200, ages: [21, 27], npec: 9800, prerequis: [62, 63] },
  masterInformatique: { rncp: 'RNCP34126', codeDiplome: '13532602', typeDiplome: 73, intitule: 'Master Informatique', annees: 2, heures: 1200, ages: [21, 27], npec: 10500, prerequis: [63, 62] },
  butGea: { rncp: 'RNCP35367', codeDiplome: '25031211', typeDiplome: 64, intitule: 'BUT Gestion des entreprises et des administrations', annees: 2, heures: 1200, ages: [19, 23], npec: 8000, prerequis: [42, 43] },
  ingenieurInformatique: { rncp: 'RNCP35480', codeDiplome: '17032601', typeDiplome: 75, intitule: "Diplôme d'ingénieur spécialité informatique", annees: 3, heures: 1800, ages: [20, 25], npec: 11000, prerequis: [54, 64, 55] },
  bacProCgea: { rncp: 'RNCP31941', codeDiplome: '40321106', typeDiplome: 41, intitule: "Bac pro Conduite et gestion de l'entreprise agricole", annees: 3, heures: 1850, ages: [16, 19], npec: 8800, prerequis: [25] },
} as const satisfies Record<string, Certification>;

export type CertificationKey = keyof typeof CERTIFICATIONS;

/** What a diploma code means (notice 51649#09 of CERFA 10103*14), for intitulés of the apprentice's and the maître's diplomas. */
export const INTITULES_DIPLOME: Readonly<Record<number, string>> = {
  13: 'Aucun diplôme',
  25: 'Diplôme national du brevet',
  26: 'Certificat de formation générale',
  33: 'CAP',
  34: 'BEP',
  35: 'Certificat de spécialisation',
  38: 'Autre diplôme ou titre de niveau CAP/BEP',
  41: 'Baccalauréat professionnel',
  42: 'Baccalauréat général',
  43: 'Baccalauréat technologique',
  44: 'Diplôme de spécialisation professionnelle',
  49: 'Brevet professionnel',
  54: 'BTS',
  55: 'DUT',
  58: 'Titre professionnel de niveau 5',
  62: 'Licence professionnelle',
  63: 'Licence',
  64: 'Bachelor universitaire de technologie (BUT)',
  69: 'Autre diplôme ou titre de niveau bac+3 ou 4',
  73: 'Master',
  75: "Diplôme d'ingénieur",
  76: "Diplôme d'école de commerce",
  79: 'Autre diplôme ou titre de niveau bac+5',
  80: 'Doctorat',
};

/** Niveau (0, 3–8) of a CERFA diploma code, for maîtres (`niveauDiplomeObtenu`) and the training's level. */
export const NIVEAU_DIPLOME: Readonly<Record<number, number>> = {
  13: 0, 25: 0, 26: 0, 33: 3, 34: 3, 35: 3, 38: 3, 41: 4, 42: 4, 43: 4, 44: 4, 49: 4, 54: 5, 55: 5, 58: 5,
  62: 6, 63: 6, 64: 6, 69: 6, 73: 7, 75: 7, 76: 7, 79: 7, 80: 8,
};

/** Caisses de retraite complémentaire an employer names (`employeur.caisseComplementaire`), by sector when it has its own. */
export const CAISSES_COMPLEMENTAIRES: readonly string[] = ['AG2R La Mondiale', 'Malakoff Humanis', 'KLESIA', 'Humanis', 'Alliance professionnelle Retraite Agirc-Arrco', 'IRCEM'];

/**
 * An employer sector: NAF code, IDCC (real codes and names of conventions collectives), CERFA employer type,
 * the OPCO of the branch, certifications it hires apprentices for, jobs of maîtres, and name patterns.
 */
export interface Secteur {
  naf: string;
  codeIdcc: string;
  libelleIdcc: string;
  typeEmployeur: number;
  opco: string;
  certifications: readonly CertificationKey[];
  emplois: readonly string[];
  diplomesMaitre: readonly number[];
  /** `{nom}` is replaced by a family name, `{commune}` by the commune. */
  denominations: readonly string[];
  salaries: readonly [number, number];
  /** Salariés relevant de la MSA (regime social 1). */
  msa?: boolean;
  /** The branch's own caisse de retraite complémentaire (else one of CAISSES_COMPLEMENTAIRES). */
  caisse?: string;
  weight: number;
}

export const SECTEURS: readonly Secteur[] = [
  {
    naf: '5610A', codeIdcc: '1979', libelleIdcc: 'Hôtels, cafés, restaurants (HCR)', typeEmployeur: 12, opco: 'AKTO',
    certifications: ['capCuisine'], emplois: ['Chef de cuisine', 'Second de cuisine', 'Gérant de restaurant'],
    diplomesMaitre: [33, 49, 41], denominations: ['Restaurant Le {nom}', 'Brasserie du Centre', 'SARL {nom} Restauration', 'Le Bistrot de {commune}'],
    salaries: [3, 40], weight: 10,
  },
  {
    naf: '1071C', codeIdcc: '0843', libelleIdcc: 'Boulangerie-pâtisserie (entreprises artisanales)', typeEmployeur: 11, opco: 'OPCOEP',
    certifications: ['capBoulanger', 'capPatissier', 'bpBoulanger'], emplois: ['Boulanger', 'Pâtissier', 'Chef boulanger'],
    diplomesMaitre: [33, 49], denominations: ['Boulangerie {nom}', 'Au Fournil de {commune}', 'EURL {nom} Boulangerie Pâtisserie'],
    salaries: [1, 15], weight: 10,
  },
  {
    naf: '4711D', codeIdcc: '2216', libelleIdcc: 'Commerce de détail et de gros à prédominance alimentaire', typeEmployeur: 12, opco: 'OPCOMMERCE',
    certifications: ['btsMco', 'bacProCommerce'], emplois: ['Manager de rayon', 'Directeur de magasin', 'Chef de secteur'],
    diplomesMaitre: [41, 54, 62], denominations: ['SAS {nom} Distribution', 'Supermarché de {commune}', '{nom} Alimentation SAS'],
    salaries: [20, 250], weight: 12,
  },
  {
    naf: '4771Z', codeIdcc: '1517', libelleIdcc: 'Commerces de détail non alimentaires', typeEmployeur: 12, opco: 'OPCOMMERCE',
    certifications: ['btsMco', 'btsNdrc', 'bacProCommerce'], emplois: ['Responsable de boutique', 'Conseiller de vente', 'Gérant'],
    diplomesMaitre: [41, 54], denominations: ['Boutique {nom}', '{nom} Mode SARL', 'Maison {nom}'],
    salaries: [2, 30], weight: 6,
  },
  {
    naf: '6202A', codeIdcc: '1486', libelleIdcc: "Bureaux d'études techniques, cabinets d'ingénieurs-conseils et sociétés de conseils (Syntec)", typeEmployeur: 12, opco: 'ATLAS',
    certifications: ['btsSio', 'tpDwwm', 'masterInformatique', 'ingenieurInformatique'], emplois: ['Développeur', 'Chef de projet informatique', 'Architecte logiciel'],
    diplomesMaitre: [54, 62, 73, 75], denominations: ['{nom} Conseil', '{nom} Solutions SAS', 'SAS {nom} Informatique'],
    salaries: [5, 250], weight: 10,
  },
  {
    naf: '9602A', codeIdcc: '2596', libelleIdcc: 'Coiffure et professions connexes', typeEmployeur: 11, opco: 'OPCOEP',
    certifications: ['capCoiffure', 'bpCoiffure'], emplois: ['Coiffeur', 'Responsable de salon'],
    diplomesMaitre: [33, 49], denominations: ['Salon {nom}', '{nom} Coiffure', "L'Atelier Coiffure de {commune}"],
    salaries: [1, 10], weight: 7,
  },
  {
    naf: '4520A', codeIdcc: '1090', libelleIdcc: "Services de l'automobile", typeEmployeur: 11, opco: 'MOBILITES',
    certifications: ['capMaintenanceVehicules', 'bacProMaintenanceVehicules'], emplois: ['Mécanicien automobile', "Chef d'atelier"],
    diplomesMaitre: [33, 41, 54], denominations: ['Garage {nom}', '{nom} Automobiles', 'Garage du Centre'],
    salaries: [2, 25], weight: 7,
  },
  {
    naf: '4321A', codeIdcc: '1596', libelleIdcc: "Bâtiment ouvriers (entreprises occupant jusqu'à 10 salariés)", typeEmployeur: 11, opco: 'CONSTRUCTYS',
    certifications: ['capElectricien'], emplois: ['Électricien', 'Chef de chantier'],
    diplomesMaitre: [33, 41], denominations: ['{nom} Électricité', 'SARL {nom} Élec'],
    salaries: [1, 10], caisse: 'PRO BTP', weight: 6,
  },
  {
    naf: '4322A', codeIdcc: '1596', libelleIdcc: "Bâtiment ouvriers (entreprises occupant jusqu'à 10 salariés)", typeEmployeur: 11, opco: 'CONSTRUCTYS',
    certifications: ['capMonteurSanitaire'], emplois: ['Plombier chauffagiste', 'Artisan plombier'],
    diplomesMaitre: [33, 49], denominations: ['{nom} Plomberie Chauffage', 'EURL {nom} Sanitaire'],
    salaries: [1, 10], caisse: 'PRO BTP', weight: 5,
  },
  {
    naf: '6419Z', codeIdcc: '2120', libelleIdcc: 'Banque', typeEmployeur: 12, opco: 'ATLAS',
    certifications: ['btsNdrc', 'licenceProBanque', 'masterMae'], emplois: ['Conseiller clientèle', "Directeur d'agence"],
    diplomesMaitre: [54, 62, 73], denominations: ['Banque {nom} et Associés', 'Caisse régionale de {commune}'],
    salaries: [50, 250], weight: 4,
  },
  {
    naf: '6920Z', codeIdcc: '0787', libelleIdcc: "Cabinets d'experts-comptables et de commissaires aux comptes", typeEmployeur: 14, opco: 'ATLAS',
    certifications: ['btsCg', 'butGea', 'masterMae'], emplois: ['Expert-comptable', 'Chef de mission comptable'],
    diplomesMaitre: [54, 64, 73, 76], denominations: ['Cabinet {nom}', '{nom} Expertise Comptable', 'Fiduciaire de {commune}'],
    salaries: [3, 60], weight: 4,
  },
  {
    naf: '2562B', codeIdcc: '3248', libelleIdcc: 'Métallurgie', typeEmployeur: 12, opco: 'OPCO2I',
    certifications: ['btsMs'], emplois: ['Technicien de maintenance', 'Responsable maintenance'],
    diplomesMaitre: [41, 54], denominations: ['{nom} Mécanique Industrielle', 'Usinage de {commune} SAS'],
    salaries: [10, 250], weight: 4,
  },
  {
    naf: '5210B', codeIdcc: '0016', libelleIdcc: 'Transports routiers et activités auxiliaires du transport', typeEmployeur: 12, opco: 'MOBILITES',
    certifications: ['tpPreparateurCommandes'], emplois: ["Chef d'équipe logistique", "Responsable d'entrepôt"],
    diplomesMaitre: [33, 41, 54], denominations: ['{nom} Logistique', 'Entrepôts de {commune} SAS'],
    salaries: [20, 250], weight: 4,
  },
  {
    naf: '6831Z', codeIdcc: '1527', libelleIdcc: 'Immobilier', typeEmployeur: 12, opco: 'AKTO',
    certifications: ['btsPi', 'licenceProCommerce'], emplois: ["Négociateur immobilier", "Directeur d'agence"],
    diplomesMaitre: [54, 62], denominations: ['Agence {nom} Immobilier', '{nom} Immobilier'],
    salaries: [2, 30], weight: 3,
  },
  {
    naf: '0111Z', codeIdcc: '7024', libelleIdcc: 'Production agricole et CUMA', typeEmployeur: 13, opco: 'OCAPIAT',
    certifications: ['bacProCgea'], emplois: ['Exploitant agricole', 'Chef de culture'],
    diplomesMaitre: [41, 54], denominations: ['EARL {nom}', 'GAEC des Terres de {commune}', 'SCEA {nom}'],
    salaries: [1, 12], msa: true, caisse: 'AGRICA', weight: 3,
  },
  {
    naf: '4719B', codeIdcc: '2216', libelleIdcc: 'Commerce de détail et de gros à prédominance alimentaire', typeEmployeur: 12, opco: 'OPCOMMERCE',
    certifications: ['licenceProCommerce', 'btsMco'], emplois: ['Chef de rayon', 'Responsable de magasin'],
    diplomesMaitre: [54, 62], denominations: ['{nom} Commerce SAS', 'Bazar de {commune}'],
    salaries: [10, 200], weight: 3,
  },
];

/** CFA name patterns; `{commune}` and `{nom}` as for employers. */
export const CFA_DENOMINATIONS: readonly string[] = [
  'CFA des métiers de {commune}',
  'CFA Commerce et Services de {commune}',
  'Faculté des métiers de {commune}',
  "CFA de l'Industrie de {commune}",
  'Institut de formation {nom}',
  'École supérieure {nom} - CFA',
  'CFA académique de {commune}',
  'CFA interprofessionnel de {commune}',
  'Campus {nom} Alternance',
];

/** Training sites other than the organisme (`organismeFormationLieuFormationPrincipal`); patterns as for employers. */
export const LIEUX_FORMATION: readonly string[] = [
  'Lycée professionnel {nom}',
  'Lycée des métiers de {commune}',
  'Antenne de {commune}',
  'Campus de {commune}',
  'Plateau technique de {commune}',
];

/** French bank codes (code banque of the RIB) of major networks. */
export const CODES_BANQUE: readonly string[] = ['30004', '30003', '30002', '10107', '20041', '10278', '30066', '18206', '16606', '42559', '17515', '13335'];

export const COMPLEMENTS_ADRESSE: readonly string[] = ['Bâtiment B', 'Appartement 12', 'Résidence Les Tilleuls', 'Escalier C', '2e étage', 'Résidence du Parc'];

/** Opérateurs de compétences whose dossier numbers appear as numeroExterne. */
export type Opco = Secteur['opco'];
