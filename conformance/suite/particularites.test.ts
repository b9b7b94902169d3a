// The quirks the suite accepts: read back into the norm's form only where declared, the deposit's status widened only then.
import { describe, expect, it } from 'vitest';
import { LECTURE_TOLERANTE, natureEnCode, reponseALaNorme, statutDuSchema, statutsAcceptes } from './particularites.js';

const dossier = () => ({
  cerfa: { numeroInterne: 'N1', etat: 'ENGAGE', employeurV2: { siret: '12345678200010' }, contrat: { dateDebutContrat: '2026-09-01T00:00:00Z' } },
  engagementsFraisAnnexe: [{ natureFrais: 'Premierequipement', quantite: 1 }, { natureFrais: 'Restauration', quantite: 10 }],
  echeances: [],
});

describe('reponseALaNorme', () => {
  it('changes nothing without a declared quirk', () => {
    const body = dossier();
    expect(reponseALaNorme('GET', '/v2/dossiers?numeroInterne=N1', 200, body, {})).toBe(body);
    const page = [{ total: 0, count: 0, page: 1, EtatDossierResult: [] }];
    expect(reponseALaNorme('GET', '/v2/dossiers/etats?numeroPage=1', 200, page, {})).toBe(page);
    const erreur = { errors: [{ code: 'X', description: 'x' }], description: 'x' };
    expect(reponseALaNorme('POST', '/v2/dossiers', 400, erreur, {})).toBe(erreur);
  });

  it('reads a dossier back as the norm writes it where declared: employeur, dates, natures', () => {
    const lu = reponseALaNorme('GET', '/atlas/v2/dossiers?numeroInterne=N1', 200, dossier(), LECTURE_TOLERANTE) as ReturnType<typeof dossier> & { cerfa: Record<string, unknown> };
    expect(lu.cerfa.employeur).toEqual({ siret: '12345678200010' });
    expect(lu.cerfa.employeurV2).toBeUndefined();
    expect(lu.cerfa.contrat).toEqual({ dateDebutContrat: '2026-09-01' });
    expect(lu.engagementsFraisAnnexe.map((f) => f.natureFrais)).toEqual(['PREMIER_EQUIPEMENT', 'RESTAURATION']);
    // Only the declared quirk: the employer's name alone.
    const seul = reponseALaNorme('GET', '/v2/dossiers?numeroInterne=N1', 200, dossier(), { employeurV2: true }) as ReturnType<typeof dossier>;
    expect(seul.engagementsFraisAnnexe[0]?.natureFrais).toBe('Premierequipement');
    expect((seul.cerfa as Record<string, unknown>).contrat).toEqual({ dateDebutContrat: '2026-09-01T00:00:00Z' });
  });

  it('reads the dossiers of an appairage answer, unwraps a declared page, drops the declared top-level error member', () => {
    const liste = reponseALaNorme('GET', '/v2/dossiers/appairage?nom=X', 200, [dossier()], { employeurV2: true }) as { cerfa: Record<string, unknown> }[];
    expect(liste[0]?.cerfa.employeur).toBeDefined();
    const page = { total: 0, count: 0, page: 1, factures: [] };
    expect(reponseALaNorme('GET', '/v2/factures/etats', 200, [page], { pageEtatsEnveloppeTableau: true })).toBe(page);
    const erreur = { type: 't', errors: [{ code: 'X', description: 'x' }], comment: 'x' };
    expect(reponseALaNorme('GET', '/v1/dossiers', 404, erreur, { erreurDescriptionRacine: 'comment' })).toEqual({ type: 't', errors: erreur.errors });
    // Without errors[], the member is the only detail: kept for the rules to judge.
    expect(reponseALaNorme('GET', '/v1/dossiers', 404, { comment: 'x' }, { erreurDescriptionRacine: 'comment' })).toEqual({ comment: 'x' });
  });
});

describe('statuses', () => {
  it('widens a deposit expected 201 to 200 only where declared, and judges it on the 201 schema', () => {
    expect(statutsAcceptes('POST', '/v2/dossiers', [201], {})).toEqual([201]);
    expect(statutsAcceptes('POST', '/opcoep/v1/dossiers', [201], { depotStatus: 200 })).toEqual([201, 200]);
    expect(statutsAcceptes('POST', '/v2/factures', [201], { depotStatus: 200 })).toEqual([201]);
    expect(statutsAcceptes('POST', '/v2/dossiers', [400, 422], { depotStatus: 200 })).toEqual([400, 422]);
    expect(statutDuSchema('POST', '/v2/dossiers', 200, { depotStatus: 200 })).toBe(201);
    expect(statutDuSchema('POST', '/v2/dossiers', 200, {})).toBe(200);
  });

  it('spells natures as the norm in either spelling, anything else unchanged', () => {
    expect(['Restauration', 'Premierequipement', 'premier_equipement', 'HEBERGEMENT', 'Mobilite internationale'].map(natureEnCode)).toEqual([
      'RESTAURATION',
      'PREMIER_EQUIPEMENT',
      'PREMIER_EQUIPEMENT',
      'HEBERGEMENT',
      'MOBILITE_INTERNATIONALE',
    ]);
    expect(natureEnCode('Taxi')).toBe('Taxi');
  });
});
