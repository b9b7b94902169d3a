// Tests of facture-dossier-connu: a line invoices a dossier the OPCO knows.
import rule from './facture-dossier-connu.js';
import { factureValide } from '../fixtures/facture-valide.js';
import { contexteFacturation } from '../fixtures/dossier-engage.js';
import { testRegle } from '../testing/regle-test.js';

testRegle(rule, { kind: 'facture', valide: factureValide, contexte: contexteFacturation, chemins: ['lignes[0].numeroInterneDossier'], contexteRequis: true });
