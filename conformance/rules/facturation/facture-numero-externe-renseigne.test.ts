// Tests of facture-numero-externe-renseigne: every line carries the OPCO's dossier number.
import rule from './facture-numero-externe-renseigne.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['lignes[0].numeroExterneDossier'] });
