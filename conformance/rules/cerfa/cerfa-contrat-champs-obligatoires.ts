// The contract carries its type, dates, working time and at least one remuneration line, each complete (norme.md §3.1).
import type { RemunerationAnnuelle } from '../../model/payloads.js';
import { defineRule, type Violation } from '../rule.js';
import { requis, resultat, sans } from '../support/champs.js';

/** Required keys of a remuneration line, walked only to name the missing ones. */
const LIGNE = ['dateDebut', 'dateFin', 'taux', 'typeSalaire', 'ordre'] as const;
const present = (x: unknown): boolean => x !== undefined && x !== null && x !== '';

export default defineRule({
  id: 'cerfa-contrat-champs-obligatoires',
  title: 'Les champs obligatoires du contrat doivent être renseignés',
  requirements: ['CERFA-02', 'CERFA-12'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const c = cerfa.contrat;
    let v: Violation[] | undefined = requis(undefined, c?.modeContractuel, 'contrat.modeContractuel');
    v = requis(v, c?.typeContratApp, 'contrat.typeContratApp');
    v = requis(v, c?.dateConclusion, 'contrat.dateConclusion');
    v = requis(v, c?.dateDebutContrat, 'contrat.dateDebutContrat');
    v = requis(v, c?.dateFinContrat, 'contrat.dateFinContrat');
    v = requis(v, c?.dureeTravailHebdoHeures, 'contrat.dureeTravailHebdoHeures');
    v = requis(v, c?.salaireEmbauche, 'contrat.salaireEmbauche');
    const lignes: unknown = c?.remunerationsAnnuelles;
    if (!Array.isArray(lignes) || lignes.length === 0) {
      (v ??= []).push({
        path: 'contrat.remunerationsAnnuelles',
        expected: 'au moins une ligne de rémunération',
        received: Array.isArray(lignes) ? 'liste vide' : 'absent',
      });
      return resultat(v);
    }
    for (let i = 0; i < lignes.length; i++) {
      const l = lignes[i] as Partial<RemunerationAnnuelle> | null | undefined;
      if (l && present(l.dateDebut) && present(l.dateFin) && present(l.taux) && present(l.typeSalaire) && present(l.ordre)) continue;
      for (const k of LIGNE) {
        const x: unknown = l?.[k];
        if (!present(x)) (v ??= []).push({ path: `contrat.remunerationsAnnuelles[${i}].${k}`, expected: 'champ renseigné', received: x === '' ? 'vide' : 'absent' });
      }
    }
    return resultat(v);
  },
  plant(valid) {
    return { payload: sans(valid, 'contrat.modeContractuel') };
  },
});
