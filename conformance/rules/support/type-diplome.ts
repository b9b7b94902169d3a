// typeDiplome expected from the first 3 characters of codeDiplome (table of the Mission apprentissage form, research §3.1).
// Source: github.com/mission-apprentissage/contrat shared/constants/diplomes.ts (codeDiplomeStartToDiplome).

const TABLE: Record<string, number> = {
  '010': 35, '013': 35, '100': 80,
  '135': 71, '140': 79, '146': 79, '155': 71, '160': 79, '165': 74, '170': 74,
  '16A': 79, '16C': 79, '16N': 79, '16Q': 79, '16R': 79, '16X': 79,
  '200': 63, '201': 63, '205': 63, '230': 69, '236': 69, '241': 69, '246': 69, '250': 62, '251': 64, '255': 69,
  '260': 69, '264': 69, '265': 69, '26A': 69, '26C': 69, '26M': 69, '26N': 69, '26Q': 69, '26R': 69, '26S': 69,
  '26T': 69, '26U': 69, '26X': 69,
  '320': 54, '321': 58, '322': 58, '323': 54, '336': 58, '346': 58, '350': 55, '355': 58, '360': 58, '363': 58,
  '364': 58, '36C': 58, '36E': 58, '36M': 58, '36N': 58, '36Q': 58, '36R': 58, '36S': 58, '36T': 58, '36U': 58,
  '36X': 58,
  '400': 41, '401': 49, '403': 41, '420': 49, '430': 43, '433': 43, '446': 49, '450': 49, '453': 49, '460': 49,
  '463': 49, '464': 49, '46A': 49, '46C': 49, '46E': 49, '46M': 49, '46N': 49, '46R': 49, '46S': 49, '46T': 49,
  '46X': 49,
  '500': 33, '503': 33, '510': 34, '553': 38, '560': 38, '563': 38, '564': 38, '56C': 38, '56E': 38, '56J': 38,
  '56M': 38, '56R': 38, '56T': 38, '56X': 38,
  '671': 25, '672': 26,
};

const PREFIXES = new Map(Object.entries(TABLE));

/** The diploma type a code diplôme implies, or undefined when its prefix is not in the table. */
export function typeDiplomeAttendu(codeDiplome: unknown): number | undefined {
  if (typeof codeDiplome !== 'string' || codeDiplome.length < 3) return undefined;
  const prefix = codeDiplome.slice(0, 3);
  return PREFIXES.get(prefix) ?? PREFIXES.get(prefix.toUpperCase());
}

/**
 * The level a CERFA diploma type belongs to: its tens digit (2 none, 3 CAP/BEP, 4 bac, 5 bac+2, 6 bac+3/4,
 * 7 bac+5 and more — 80, doctorat, is listed with the bac+5 group).
 */
export function niveauTypeDiplome(type: number): number {
  const niveau = Math.floor(type / 10);
  return niveau === 8 ? 7 : niveau;
}
