// The contract carries its type, dates, working time and at least one remuneration line, each complete (norme.md §3.1).
import { defineRule, fail, pass, type Violation } from '../rule.js';
import { champs, sans } from '../identifiants/champs.js';
import { manquants } from './verifications.js';

const REQUIS = champs(
  'contrat.modeContractuel',
  'contrat.typeContratApp',
  'contrat.dateConclusion',
  'contrat.dateDebutContrat',
  'contrat.dateFinContrat',
  'contrat.dureeTravailHebdoHeures',
  'contrat.salaireEmbauche',
);
/** Required keys of a remuneration line; paths are built only when one is missing. */
const LIGNE = ['dateDebut', 'dateFin', 'taux', 'typeSalaire', 'ordre'] as const;

export default defineRule({
  id: 'cerfa-contrat-champs-obligatoires',
  title: 'Les champs obligatoires du contrat doivent être renseignés',
  requirements: ['CERFA-02', 'CERFA-12'],
  severity: 'bloquant',
  area: 'cerfa',
  appliesTo: ['cerfa'],
  check(cerfa) {
    let v: Violation[] | undefined = manquants(cerfa, REQUIS);
    const lignes: unknown = cerfa.contrat?.remunerationsAnnuelles;
    if (!Array.isArray(lignes) || lignes.length === 0) {
      (v ??= []).push({
        path: 'contrat.remunerationsAnnuelles',
        expected: 'au moins une ligne de rémunération',
        received: Array.isArray(lignes) ? 'liste vide' : 'absent',
      });
    } else {
      for (let i = 0; i < lignes.length; i++) {
        const ligne = lignes[i] as Record<string, unknown> | null;
        for (const k of LIGNE) {
          const x = ligne?.[k];
          if (x !== undefined && x !== null && x !== '') continue;
          (v ??= []).push({
            path: `contrat.remunerationsAnnuelles[${i}].${k}`,
            expected: 'champ renseigné',
            received: x === '' ? 'vide' : 'absent',
          });
        }
      }
    }
    return v ? fail(...v) : pass();
  },
  plant(valid) {
    return { payload: sans(valid, 'contrat.modeContractuel') };
  },
});
