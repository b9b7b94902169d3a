// The certificat de réalisation of generated record i: hours done over a finished échéance period of the same dossier.
import type { Echeance } from '../model/dossier.js';
import type { Certificat } from '../model/payloads.js';
import type { RuleContext } from '../rules/rule.js';
import { calendar } from '../remuneration/index.js';
import { drawDossier, type DossierDraw } from './dossier.js';
import * as id from './identities.js';
import { PHASE, chance, int, pick, reseed } from './random.js';
import { baseContext } from './context.js';

const { addDays, addYears, daysBetween, formatIsoDate, parseIsoDate } = calendar;

export interface CertificatDraw extends DossierDraw {
  certificat: Certificat;
  context: RuleContext;
}

/** The last échéance of the first contract year: the year's balance, paid once the service is done. */
export function echeanceSolde(echeances: readonly Echeance[]): Echeance {
  const first = echeances[0];
  if (first === undefined) throw new Error('generator bug: empty échéancier');
  let last = first;
  for (const e of echeances) if (e.dateDebut === first.dateDebut) last = e;
  return last;
}

/**
 * The certificat attesting the hours done over `echeance`'s period, signed by the CFA's director a few days after
 * the period ends. Returns the signature date (Ymd) so callers put "today" after it.
 */
export function certificatPour(draw: DossierDraw, echeance: Echeance): { certificat: Certificat; signature: number } {
  const { cerfa, dossier, cfa } = draw;
  const debutContrat = parseIsoDate(cerfa.contrat.dateDebutContrat);
  const finContrat = parseIsoDate(cerfa.contrat.dateFinContrat);
  const debutFormation = parseIsoDate(cerfa.formation.dateDebutFormation);
  const finFormation = parseIsoDate(cerfa.formation.dateFinFormation);
  if (debutContrat === undefined || finContrat === undefined || debutFormation === undefined || finFormation === undefined) {
    throw new Error('generator bug: unreadable contract dates');
  }
  // The period certified: the échéance's own, or the first contract year when the échéancier gives none.
  const periodeDebut = parseIsoDate(echeance.dateDebut) ?? debutContrat;
  const finAnnee = addDays(addYears(debutContrat, 1), -1);
  const periodeFin = parseIsoDate(echeance.dateFin) ?? (finAnnee < finContrat ? finAnnee : finContrat);

  // Hours done = the training hours falling inside the period, pro rata of the training days.
  const joursFormation = daysBetween(debutFormation, finFormation) + 1;
  const chevauchementDebut = periodeDebut > debutFormation ? periodeDebut : debutFormation;
  const chevauchementFin = periodeFin < finFormation ? periodeFin : finFormation;
  const joursCommuns = Math.max(0, daysBetween(chevauchementDebut, chevauchementFin) + 1);
  const duree = Math.max(1, Math.round((cerfa.formation.dureeFormation * joursCommuns) / joursFormation));

  const signature = addDays(periodeFin, int(1, 10));
  const sexeDirection = chance(0.5) ? 'F' : 'M';
  const certificat: Certificat = {
    typeCertificat: echeance.numero === dossier.echeances.length ? 'Final' : 'Intermediaire',
    numeroInterneDossier: draw.numeroInterne,
    dateSignature: formatIsoDate(signature),
    lieuSignature: cfa.adresse.commune,
    representantLegal: {
      nom: id.nom(),
      prenom: id.prenom(sexeDirection),
      qualite:
        sexeDirection === 'F'
          ? pick(['Directrice du CFA', 'Directrice', 'Responsable administrative'])
          : pick(['Directeur du CFA', 'Directeur', 'Responsable administratif']),
    },
    attestationConservationPieces: true,
    natureAction: 'Formation par apprentissage',
    employeur: { siret: cerfa.employeur.siret },
    apprenti: { nom: cerfa.apprenti.nom, prenom: cerfa.apprenti.prenom },
    organismeFormation: { siret: cfa.siret },
    echeance: {
      numero: echeance.numero,
      codification: echeance.codification,
      duree,
      dateDebut: formatIsoDate(periodeDebut),
      dateFin: formatIsoDate(periodeFin),
      echeancePartielle: false,
    },
  };
  if (cerfa.apprenti.nomUsage) certificat.apprenti.nomUsage = cerfa.apprenti.nomUsage;
  return { certificat, signature };
}

export function drawCertificat(seed: number, index: number, complet = false): CertificatDraw {
  const draw = drawDossier(seed, index, complet);
  reseed(seed, index, PHASE.certificat);
  const { certificat, signature } = certificatPour(draw, echeanceSolde(draw.dossier.echeances));
  const today = addDays(signature, int(0, 10));
  return { ...draw, certificat, context: baseContext(formatIsoDate(today), draw, draw.dossier) };
}
