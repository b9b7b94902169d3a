// Body redaction whatever the Content-Type: JSON text redacted as JSON, form keys that are JSON, other text masked whole.
import { describe, expect, it } from 'vitest';
import { redactBody, redactFields, scrubValue } from './scrub.js';

const CERFA = { cerfa: { numeroInterne: 'DOS-1', apprenti: { nom: 'ESCOFFIER', prenom: 'Gaspard', dateNaissance: '1986-07-12', nir: '186077512345621' }, employeur: { denomination: 'Atelier' } } };
const TEXTE = JSON.stringify(CERFA);
const SECRETS = ['ESCOFFIER', 'Gaspard', '1986-07-12', '186077512345621'];
const clean = (value: unknown): void => {
  const text = JSON.stringify(value);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
};

describe('redactBody', () => {
  it('redacts JSON text field by field and keeps it text', () => {
    const out = redactBody(TEXTE);
    expect(typeof out).toBe('string');
    clean(out);
    expect(JSON.parse(out as string)).toMatchObject({ cerfa: { numeroInterne: 'DOS-1', apprenti: { nom: 'E***', dateNaissance: '****-**-**' }, employeur: { denomination: 'Atelier' } } });
    // Bytes are read as UTF-8 text first.
    expect(redactBody(Buffer.from(TEXTE))).toBe(out);
  });

  it('redacts a form whose only key is the JSON text (curl --data without Content-Type), and JSON in values', () => {
    const out = redactBody({ [TEXTE]: '' }) as Record<string, string>;
    clean(out);
    expect(JSON.parse(Object.keys(out)[0]!)).toMatchObject({ cerfa: { numeroInterne: 'DOS-1' } });
    const fields = redactBody({ nom: 'ESCOFFIER', dateNaissance: '1986-07-12', cerfa: TEXTE, numero: 'DOS-1' }) as Record<string, string>;
    clean(fields);
    expect(fields).toMatchObject({ nom: 'E***', dateNaissance: '****-**-**', numero: 'DOS-1' });
    expect(JSON.parse(fields.cerfa!)).toMatchObject({ cerfa: { apprenti: { prenom: 'G***' } } });
  });

  it('masks whole what does not parse: text, a lone JSON string, a free-text form key, bytes that are not UTF-8', () => {
    expect(redactBody('ESCOFFIER Gaspard 1986-07-12')).toBe('(corps non JSON masqué : 28 caractères)');
    expect(redactBody('"ESCOFFIER"')).toBe('(corps non JSON masqué : 11 caractères)');
    expect(redactBody({ 'ESCOFFIER Gaspard': '' })).toEqual({ '(clé non JSON masquée : 17 caractères)': '' });
    expect(redactBody({ 'ESCOFFIER Gaspard': '', 'Gaspard ESCOFFIER': '' })).toEqual({
      '(clé non JSON masquée : 17 caractères)': '',
      '(clé non JSON masquée : 17 caractères) #2': '',
    });
    expect(redactBody(Buffer.from([0xff, 0xfe, 0x00]))).toBe('(corps binaire masqué : 3 octets)');
    // An answer's text is only scrubbed of NIR and IBAN shapes: it is the server's, not the software's.
    expect(redactBody('Erreur 186077512345621', 'scrub')).toBe('Erreur 1 ** ** ** *** *** **');
  });

  it('is idempotent and masks JSON nested deeper than any payload', () => {
    for (const body of [TEXTE, { [TEXTE]: '' }, 'texte libre', CERFA]) expect(redactBody(redactBody(body))).toEqual(redactBody(body));
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    expect(redactBody(deep)).toBe('(corps JSON trop imbriqué masqué : 200 caractères)');
    expect(redactBody({ [deep]: '' })).toEqual({ '(clé JSON trop imbriquée masquée : 200 caractères)': '' });
  });

  it('leaves numbers, booleans and null readable', () => {
    expect(redactBody('42')).toBe('42');
    expect(redactBody('null')).toBe('null');
    expect(redactFields({ total: 12, ok: true })).toEqual({ total: 12, ok: true });
  });
});

describe('scrubValue', () => {
  it('keeps times and durations, even 13 digits long, and masks a NIR sent as a number', () => {
    expect(scrubValue({ receivedAtMs: 1_796_520_001_633, durationMs: 1_234_567_890_123, firstAt: 1_796_520_001_633 })).toEqual({
      receivedAtMs: 1_796_520_001_633,
      durationMs: 1_234_567_890_123,
      firstAt: 1_796_520_001_633,
    });
    expect(scrubValue({ valeur: 1_860_775_123_456 })).toEqual({ valeur: '1 ** ** ** *** ***' });
  });
});
