// Public entry of the identifier toolkit: checksums, formats and the redaction helper used across the project.
export { luhnValid, completeLuhn } from './luhn.js';
export { isValidSiren, isValidSiret, SIREN_LA_POSTE } from './siret.js';
export { nirKey, parseNir, isValidNir, isWellFormedNir, nirKeyMatches, type NirParts } from './nir.js';
export { uaiLetter, isValidUai } from './uai.js';
export { ibanCheckDigits, isValidIban } from './iban.js';
export {
  isValidRncp,
  isValidCodeDiplome,
  isValidNaf,
  isValidIdcc,
  isValidCodePostal,
  isValidDepartement,
  isValidNumeroDeca,
  isValidCourriel,
  isValidTelephone,
} from './formats.js';
export { redact, type RedactKind } from './redact.js';
