// Rules of the 'certificat' area, listed explicitly (never registered by import side effect).
import type { Rule } from '../rule.js';
import certificatChampsObligatoires from './certificat-champs-obligatoires.js';
import certificatNumeroEcheanceValide from './certificat-numero-echeance-valide.js';
import certificatPeriodeOrdonnee from './certificat-periode-ordonnee.js';
import certificatFinalDuree from './certificat-final-duree.js';
import certificatDureePositive from './certificat-duree-positive.js';
import certificatEcheanceConnue from './certificat-echeance-connue.js';
import certificatSignatureApresPeriode from './certificat-signature-apres-periode.js';
import factureCertificatCoherent from './facture-certificat-coherent.js';

export const certificatRules: Rule<any>[] = [
  certificatChampsObligatoires,
  certificatNumeroEcheanceValide,
  certificatPeriodeOrdonnee,
  certificatFinalDuree,
  certificatDureePositive,
  certificatEcheanceConnue,
  certificatSignatureApresPeriode,
  factureCertificatCoherent,
];
