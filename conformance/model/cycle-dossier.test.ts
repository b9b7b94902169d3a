// The lifecycle order: later states may be read after earlier ones, never the reverse.
import { describe, expect, it } from 'vitest';
import { peutSuivre } from './cycle-dossier.js';
import rule from '../rules/serveur/serveur-cycle-de-vie.js';
import type { Echange } from './payloads.js';

const lecture = (etat: string, attendu?: string, etatsLus?: string[]): Echange => ({
  scenario: 's',
  step: 'lecture',
  request: { method: 'GET', path: '/v2/dossiers?numeroInterne=X', headers: {} },
  response: { status: 200, headers: {}, body: { cerfa: { numeroInterne: 'X', etat } } },
  expected: { regles: ['serveur-cycle-de-vie'], status: [200], ...(attendu ? { etat: attendu } : {}), ...(etatsLus ? { etatsLus } : {}) },
});

describe('peutSuivre', () => {
  it('allows the same state and any later one, RUPTU read as RUPTURE', () => {
    expect(peutSuivre('TRANSMIS', 'ENGAGE')).toBe(true);
    expect(peutSuivre('ENGAGE', 'ENGAGE')).toBe(true);
    expect(peutSuivre('ENGAGE', 'RUPTU')).toBe(true);
    expect(peutSuivre('RUPTURE', 'SOLDE')).toBe(true);
  });
  it('refuses going back, or leaving a final state', () => {
    expect(peutSuivre('ENGAGE', 'TRANSMIS')).toBe(false);
    expect(peutSuivre('REFUSE', 'ENGAGE')).toBe(false);
    expect(peutSuivre('SOLDE', 'RUPTURE')).toBe(false);
  });
});

describe('serveur-cycle-de-vie', () => {
  it('passes a state read later than the step expects (the server decided before the read)', () => {
    expect(rule.check(lecture('ENGAGE', 'TRANSMIS'), {}).outcome).toBe('pass');
    expect(rule.check(lecture('EN_COURS_INSTRUCTION', 'EN_COURS_INSTRUCTION', ['TRANSMIS']), {}).outcome).toBe('pass');
  });
  it('fails a state earlier than expected, one going back from what was read before, and an unknown one', () => {
    expect(rule.check(lecture('TRANSMIS', 'ENGAGE'), {}).outcome).toBe('fail');
    const retour = rule.check(lecture('TRANSMIS', 'TRANSMIS', ['ENGAGE']), {});
    expect(retour.outcome).toBe('fail');
    expect(JSON.stringify(retour)).toContain('après ENGAGE');
    expect(rule.check(lecture('EN_ATTENTE'), {}).outcome).toBe('fail');
  });
});
