// The one redaction helper: personal data (NIR, IBAN, names, dates, keys, e-mails, phones) is never printed whole.

export type RedactKind = 'nir' | 'iban' | 'nom' | 'date' | 'cle' | 'courriel' | 'telephone';

function firstChar(s: string): string {
  const cp = s.codePointAt(0);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/**
 * A masked form of `value` that still helps a reader tell values apart:
 * NIR `1 ** ** ** *** *** **` (sex only), IBAN `FR76 **** … 0189` (country, check digits, last 4),
 * name `D***`, date `****-**-**`, key `abcd…`, e-mail `j***@e***.fr`, phone `** ** ** ** 89`.
 * Empty input gives an empty string; a value too short to mask safely is masked completely.
 */
export function redact(kind: RedactKind, value: string): string {
  if (value === '') return '';
  switch (kind) {
    case 'nir': {
      const compact = value.replaceAll(' ', '');
      return `${firstChar(compact)} ** ** ** *** ***${compact.length > 13 ? ' **' : ''}`;
    }
    case 'iban': {
      const compact = value.replaceAll(' ', '');
      if (compact.length < 12) return '****';
      return `${compact.slice(0, 4)} **** … ${compact.slice(-4)}`;
    }
    case 'nom':
      return `${firstChar(value.trim())}***`;
    case 'date':
      return '****-**-**';
    case 'cle':
      return value.length >= 12 ? `${value.slice(0, 4)}…` : '…';
    case 'courriel': {
      const at = value.lastIndexOf('@');
      if (at <= 0) return '***';
      const domain = value.slice(at + 1);
      const dot = domain.lastIndexOf('.');
      const tld = dot >= 0 ? domain.slice(dot) : '';
      return `${firstChar(value)}***@${firstChar(domain)}***${tld}`;
    }
    case 'telephone': {
      const digits = value.replace(/[^0-9]/g, '');
      return digits.length < 6 ? '**' : `** ** ** ** ${digits.slice(-2)}`;
    }
  }
}
