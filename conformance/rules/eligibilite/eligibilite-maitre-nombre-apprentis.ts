// R6223-6: a maître d'apprentissage supervises at most 2 apprentices at once (+1 prolonged after an exam failure).
import { defineRule, pass, skip, verdict, type Violation } from '../rule.js';
import { parseIsoDate } from '../../remuneration/calendar.js';
import type { Cerfa, Maitre } from '../../model/payloads.js';
import type { DossierLu, EtatDossier } from '../../model/dossier.js';
import { eligibiliteParams } from '../support/params.js';
import { factsOf } from '../support/facts.js';
import { fenetreContrat, SKIP_FENETRE } from '../support/window.js';
import { copie, nirAvecCorps } from '../support/plant.js';

const params = eligibiliteParams();
/** Dossiers that no longer occupy the maître. */
const ETATS_CLOS: ReadonlySet<EtatDossier> = new Set(['ANNULE', 'REFUSE', 'RUPTURE', 'SOLDE']);

function identite(m: Maitre | undefined): string | undefined {
  if (!m || typeof m.nom !== 'string' || typeof m.prenom !== 'string' || !m.dateNaissance) return undefined;
  return `${m.nom.trim().toUpperCase()}|${m.prenom.trim().toUpperCase()}|${m.dateNaissance}`;
}

function encadre(dossier: DossierLu, cle: string): boolean {
  return identite(dossier.cerfa?.maitre1) === cle || identite(dossier.cerfa?.maitre2) === cle;
}

function actifSur(dossier: DossierLu, debut: number, fin: number): boolean {
  if (ETATS_CLOS.has(dossier.cerfa?.etat)) return false;
  const d = parseIsoDate(dossier.cerfa?.contrat?.dateDebutContrat);
  const f = parseIsoDate(dossier.cerfa?.contrat?.dateFinContrat);
  return d !== undefined && f !== undefined && d <= fin && f >= debut;
}

export default defineRule<'cerfa'>({
  id: 'eligibilite-maitre-nombre-apprentis',
  title: "Un maître d'apprentissage ne peut encadrer simultanément plus de deux apprentis (plus un apprenti redoublant)",
  requirements: ['ELIG-12'],
  severity: 'avertissement',
  area: 'eligibilite',
  appliesTo: ['cerfa'],
  check(cerfa, context) {
    const dossiers = context.dossiers;
    if (!dossiers) return skip('dossiers de la période inconnus (contexte sans dossiers)');
    if (dossiers.length < params.maitreApprentisMaximum) return pass();
    const fenetre = fenetreContrat(factsOf(cerfa));
    if (!fenetre) return skip(SKIP_FENETRE);
    const violations: Violation[] = [];
    for (const cleMaitre of ['maitre1', 'maitre2'] as const) {
      const cle = identite(cerfa[cleMaitre]);
      if (!cle) continue;
      const autres = dossiers.filter(
        (d) => d.cerfa?.numeroInterne !== cerfa.numeroInterne && encadre(d, cle) && actifSur(d, fenetre.debut, fenetre.fin),
      ).length;
      if (autres >= params.maitreApprentisMaximum) {
        violations.push({
          path: cleMaitre,
          expected: `au plus ${params.maitreApprentisMaximum} apprentis encadrés simultanément (un troisième seulement s'il redouble)`,
          received: `${autres} autres contrats en cours avec ce maître sur la période`,
        });
      }
    }
    return verdict(violations);
  },
  plant(valid, context) {
    const autres: DossierLu[] = [1, 2].map((n) => autreDossier(valid, n));
    return { payload: copie(valid), context: { ...context, dossiers: [...(context.dossiers ?? []), ...autres] } };
  },
});

/** Another apprentice's engaged dossier with the same maître over the same period. */
function autreDossier(valid: Cerfa, n: number): DossierLu {
  const cerfa = copie(valid);
  const numeroInterne = `${valid.numeroInterne ?? 'CFA'}-AUTRE-${n}`;
  cerfa.numeroInterne = numeroInterne;
  cerfa.apprenti.nom = 'AUTRE';
  cerfa.apprenti.prenom = `Apprenti${n}`;
  // A different person: another NIR serial (digits 11–13), so that no duplicate detection matches it.
  const nir = cerfa.apprenti.nir;
  if (typeof nir === 'string' && nir.length >= 13) {
    const serial = String((Number(nir.slice(10, 13)) + 100 * n) % 1000).padStart(3, '0');
    cerfa.apprenti.nir = nirAvecCorps(nir, nir.slice(0, 10) + serial);
  }
  return {
    cerfa: { ...cerfa, numeroInterne, numeroExterne: `EXT-${numeroInterne}`, etat: 'ENGAGE' },
    engagement: null,
    echeances: [],
    engagementsFraisAnnexe: [],
    detailsFacturation: null,
  };
}
