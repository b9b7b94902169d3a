// An OPCO recette server written from the public description only (spec/openapi.yaml, docs/*.md): node:http, no admin API, real delays, one optional planted fault.
//
// It stands for an outsider's server the suite did not write: dossiers instructed on wall-clock time (TRANSMIS, then
// EN_COURS_INSTRUCTION, then ENGAGE), an échéancier per contract year (40/30/20/10 %, daily prorata), invoices judged
// by the FAQ's reasons (two of them under the server's own codes) and paid after a delay. `faute` plants one departure:
//   iban-non-controle   accepts an invoice whose IBAN differs from the échéance's;
//   reglement-different pays 10 € less than invoiced;
//   en-cours-conserve   pays the échéance but leaves the amount en cours d'instruction as well;
//   rejet-sans-code     refuses invoices with one generic code instead of each reason's.
// Run alone: OPCO_CLES=cleA,cleB node tests/support/opco-recette.mjs [--port 0] [--faute <id>]
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const JOUR = 86_400_000;
const NPEC = { RNCP35340: 7000, RNCP34251: 8000 };
const PART = [0.4, 0.3, 0.2, 0.1];
/** Own codes for two of the FAQ's reasons (the recette maps them to the norm's). */
export const CODES_PROPRES = { IBAN_ABSENT: 'ERR_IBAN', TOTAL_DIFFERENT_SOMME_LIGNES: 'ERR_TOTAL_LIGNES' };
const MOTIFS = {
  FACTURE_DEJA_CONNUE: ['La facture est déjà connue de notre système', 'numeroInterneFacture'],
  IBAN_ABSENT: ["L'IBAN de l'émetteur (CFA) n'est pas renseigné", 'organismeFormation.IBAN'],
  SIRET_EMETTEUR_INCONNU: ["Le SIRET de l'émetteur est inconnu de l'OPCO", 'organismeFormation.siret'],
  TOTAL_DIFFERENT_SOMME_LIGNES: ['Le montant total de la facture doit correspondre à la somme des montants des lignes', 'montantTotal'],
  DOSSIER_INCONNU: ["Le dossier facturé est inconnu de l'OPCO", 'numeroInterneDossier'],
  DOSSIER_NON_FACTURABLE: ['Seuls les dossiers engagés avec un numéro DECA peuvent être facturés', 'numeroInterneDossier'],
  CONTRAT_ANTERIEUR_2020: ['Seuls les contrats conclus à partir du 01/01/2020 peuvent être facturés', 'numeroInterneDossier'],
  NUMERO_EXTERNE_ABSENT: ['Le numéro externe du dossier doit être renseigné', 'numeroExterneDossier'],
  NUMERO_EXTERNE_INCOHERENT: ["Le numéro externe du dossier ne correspond pas à celui de l'OPCO", 'numeroExterneDossier'],
  NUMERO_ECHEANCE_INCONNU: ["Le numéro d'échéance est inconnu", 'numeroEcheance'],
  ECHEANCE_NON_OUVERTE: ["L'échéance n'est pas ouverte à la facturation", 'numeroEcheance'],
  IBAN_DIFFERENT_ECHEANCE: ["L'IBAN de l'émetteur est différent de celui connu dans l'échéance", 'organismeFormation.IBAN'],
  SIRET_DIFFERENT_ECHEANCE: ["Le SIRET associé à la facture est différent du SIRET de l'échéance", 'organismeFormation.siret'],
  MONTANT_ECHEANCE_INCORRECT: ["Le montant de l'échéance ne correspond pas au montant attendu", 'montantEcheance'],
  MONTANT_INCORRECT: ['Le montant ne correspond pas au montant attendu', 'montant'],
  LIGNE_MONTANT_INCOHERENT: ['Le montant de la ligne doit correspondre à la somme du pédagogique, de la majoration RQTH et des frais annexes', 'montant'],
  FRAIS_ANNEXES_DEPASSEMENT: ['Le montant des frais annexes excède le plafond ou le montant engagé', 'fraisAnnexes'],
  SOLDE_SANS_SERVICE_FAIT: ["Le solde de l'année n'est facturable qu'après le service fait (certificat de réalisation de sa période)", 'numeroEcheance'],
  SOLDE_HORS_DELAI: ['Le solde facturé plus de quatre mois après la fin du contrat n\'est pas dû', 'numeroEcheance'],
};

// ---------- dates (UTC, YYYY-MM-DD) ----------
const jour = (s) => String(s ?? '').slice(0, 10);
const versDate = (s) => new Date(`${jour(s)}T00:00:00Z`);
const iso = (d) => d.toISOString().slice(0, 10);
const plusJours = (s, n) => iso(new Date(versDate(s).getTime() + n * JOUR));
/** Months added, the day clamped to the month's last (31 Aug + 6 months = 28/29 Feb). */
function plusMois(s, n) {
  const d = versDate(s);
  const cible = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const dernier = new Date(Date.UTC(cible.getUTCFullYear(), cible.getUTCMonth() + 1, 0)).getUTCDate();
  cible.setUTCDate(Math.min(d.getUTCDate(), dernier));
  return iso(cible);
}
const ecartJours = (a, b) => Math.round((versDate(b) - versDate(a)) / JOUR);
const r2 = (x) => Math.round((x + Number.EPSILON) * 100) / 100;
const aujourdhui = () => iso(new Date());

/** The échéancier of a contract concluded from 2025-07-01: per contract year, 40/30/20/10 % at months 1, 7, 10 and the year's end, the last year pro rata of its days. */
export function echeancier(cerfa, cfa) {
  const { contrat, formation, apprenti } = cerfa;
  const annuel = NPEC[String(formation.rncp).startsWith('RNCP') ? formation.rncp : `RNCP${formation.rncp}`] ?? 6000;
  const rqth = apprenti.handicap ? 4000 : 0;
  const niveau = Number(formation.typeDiplome ?? apprenti.diplomePrepare ?? 0);
  const participation = jour(contrat.dateConclusion) >= '2025-07-01' && niveau >= 60 ? (Number(contrat.typeContratApp) === 23 ? 200 : 750) : 0;
  const fin = jour(contrat.dateFinContrat);
  const echeances = [];
  for (let k = 0; ; k += 1) {
    const debut = plusMois(contrat.dateDebutContrat, 12 * k);
    if (debut > fin) break;
    const finAnnee = plusJours(plusMois(contrat.dateDebutContrat, 12 * (k + 1)), -1);
    const finPeriode = finAnnee < fin ? finAnnee : fin;
    const prorata = (ecartJours(debut, finPeriode) + 1) / (ecartJours(debut, finAnnee) + 1);
    const [ped, maj] = [r2(annuel * prorata), r2(rqth * prorata)];
    const ouvertures = [debut, plusMois(debut, 6), plusMois(debut, 9), finAnnee].map((d) => (d < finPeriode ? d : finPeriode));
    let [restePed, resteMaj] = [ped, maj];
    PART.forEach((part, i) => {
      let p = i === 3 ? r2(restePed) : r2(ped * part);
      const m = i === 3 ? r2(resteMaj) : r2(maj * part);
      [restePed, resteMaj] = [restePed - p, resteMaj - m];
      if (k === 0 && i === 0) p = r2(Math.max(0, p - participation));
      const numero = echeances.length + 1;
      echeances.push({
        numero, codification: `E${numero}`, montantTotal: r2(p + m), montantPedagogique: p, montantMajorationRQTH: m,
        montantRegle: 0, montantEnCoursInstruction: 0, dateOuverture: ouvertures[i], dateDebut: debut, dateFin: finPeriode,
        iban: cfa.iban, siret: cfa.siret,
      });
    });
  }
  return echeances;
}

/** A full CERFA (the spec's example) for the pre-engaged dossiers, its contract started `moisEcoules` months ago. */
function cerfaEngage(numeroInterne, cfa, moisEcoules, n) {
  const debut = plusMois(aujourdhui(), -moisEcoules);
  const fin = plusJours(plusMois(debut, 24), -1);
  const adresse = { adresse1: '12 Rue Mercière', codePostal: '69002', commune: 'Lyon', departement: '69' };
  return {
    numeroInterne, versionCERFA: '10103*14', CERFASignatureProbante: true,
    employeur: { siret: '81234567600017', denomination: 'Librairie Les Mots Passants', adresse, telephone: '+33472410000', courriel: 'contact@motspassants.fr', typeEmployeur: 12, employeurSpecifique: 0, naf: '47.61Z', nombreDeSalaries: 8, codeIdcc: '3013', attestationEligibilite: true, attestationPieces: true },
    apprenti: { nom: `Rousseau${'ABC'[n]}`, prenom: 'Léa', sexe: 'F', dateNaissance: '2006-05-20', lieuNaissanceFrance: true, communeNaissance: 'Lyon', departementNaissance: '069', nir: '206056938304265', nationalite: 1, regimeSocial: 2, adresse, telephone: '+33612345678', courriel: 'lea.rousseau@exemple.fr', handicap: false, situationAvantContrat: 1, diplomePrepare: 54, diplome: 41, derniereClasse: 1, apprentiMineur: false, apprentiMineurNonEmancipe: false },
    maitre1: { nom: 'Bernard', prenom: 'Thomas', dateNaissance: '1985-11-02', emploiOccupe: 'Responsable de librairie', niveauDiplomeObtenu: 5 },
    organismeFormation: { formationInterne: false, lieuFormationIdentique: true, siret: cfa.siret, uaiCfa: cfa.uai, denomination: 'CFA Recette', adresse },
    formation: { rncp: 'RNCP35340', codeDiplome: '32031213', typeDiplome: 54, intituleQualification: 'BTS Management commercial opérationnel', dateDebutFormation: debut, dateFinFormation: plusMois(debut, 22), dureeFormation: 1350, nombreHeuresEnDistanciel: 0 },
    contrat: {
      modeContractuel: 1, typeContratApp: 11, dateConclusion: plusJours(debut, -20), dateDebutContrat: debut, dateFormationPratiqueEmployeur: debut, dateFinContrat: fin,
      dureeTravailHebdoHeures: 35, dureeTravailHebdoMinutes: 0, travailRisque: false, salaireEmbauche: 774.78, autreAvantageEnNature: false, lieuSignatureContrat: 'Lyon',
      remunerationsAnnuelles: [
        { dateDebut: debut, dateFin: plusJours(plusMois(debut, 12), -1), taux: 43, tauxMinimal: 43, typeSalaire: 'SMIC', salaireBrut: 774.78, ordre: '1.1' },
        { dateDebut: plusMois(debut, 12), dateFin: fin, taux: 51, tauxMinimal: 51, typeSalaire: 'SMIC', salaireBrut: 918.92, ordre: '2.1' },
      ],
    },
  };
}

function envoyer(res, status, corps, entetes = {}) {
  res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...entetes });
  res.end(JSON.stringify(corps));
}
const probleme = (res, status, code, titre, erreurs, entetes) =>
  envoyer(res, status, { type: `urn:opco-recette:probleme:${code}`, title: titre, status, detail: titre, errors: erreurs ?? [{ code, description: titre }] }, entetes);

/**
 * Starts the server. options: cfas [{ cle, siret, uai, iban }], instruction [ms to EN_COURS_INSTRUCTION, ms to ENGAGE],
 * paiement (ms), faute, pageSize, corpsMaxOctets, engages (pre-engaged dossiers of the first CFA), port.
 */
export async function demarrerOpco(options) {
  const { cfas, instruction = [300, 600], paiement = 1000, faute, pageSize = 50, corpsMaxOctets = 1 << 20, engages = 3 } = options;
  const dossiers = new Map(); // `${cle}|${numeroInterne}`
  const factures = new Map(); // `${cle}|${numeroInterneFacture}`
  let sequence = 0;
  const numeroExterne = () => `OPCOREC-${new Date().getUTCFullYear()}-${String((sequence += 1)).padStart(6, '0')}`;
  const deposer = (cfa, numeroInterne, cerfa, recu) => {
    const departement = String(cerfa.employeur?.adresse?.departement ?? cerfa.employeur?.adresse?.codePostal?.slice(0, 2) ?? '75').padStart(3, '0');
    const d = versDate(cerfa.contrat.dateDebutContrat);
    const deca = `${departement}${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}NC${String(sequence + 1).padStart(4, '0')}`;
    const dossier = { cfa, numeroInterne, numeroExterne: numeroExterne(), numeroDeca: deca, cerfa, recu, echeances: echeancier(cerfa, cfa) };
    dossiers.set(`${cfa.cle}|${numeroInterne}`, dossier);
    return dossier;
  };
  const numerosEngages = Array.from({ length: engages }, (_, i) => `REC-ENG-${String(i + 1).padStart(4, '0')}`);
  numerosEngages.forEach((n, i) => deposer(cfas[0], n, cerfaEngage(n, cfas[0], 10, i), Date.now() - 30 * JOUR));

  const etat = (d, now) => {
    const t = now - d.recu;
    if (t < instruction[0]) return 'TRANSMIS';
    if (t < instruction[1]) return 'EN_COURS_INSTRUCTION';
    return d.echeances.length > 0 && d.echeances.every((e) => e.montantRegle >= e.montantTotal) ? 'SOLDE' : 'ENGAGE';
  };
  /** Pays the accepted invoices whose delay has run (lazily, on each request: no timer to clear). */
  const regler = (now) => {
    for (const f of factures.values()) {
      if (f.etatFacture !== 'EN_COURS_INSTRUCTION' || now - f.acceptee < paiement) continue;
      for (const { echeance, montant } of f.imputations) {
        if (faute !== 'en-cours-conserve') echeance.montantEnCoursInstruction = r2(echeance.montantEnCoursInstruction - montant);
        echeance.montantRegle = r2(echeance.montantRegle + (faute === 'reglement-different' ? montant - 10 : montant));
      }
      Object.assign(f, { etatFacture: 'REGLE', dateReglement: aujourdhui() });
    }
  };
  const lu = (d, now) => {
    const e = etat(d, now);
    const engage = e === 'ENGAGE' || e === 'SOLDE';
    const c = d.cerfa;
    return {
      cerfa: { ...c, numeroInterne: d.numeroInterne, numeroExterne: d.numeroExterne, numeroDeca: engage ? d.numeroDeca : null, etat: e, commentaireEtat: null, contrat: { ...c.contrat, ...(engage ? { noContrat: d.numeroDeca } : {}) } },
      engagement: engage ? r2(d.echeances.reduce((s, x) => s + x.montantTotal, 0)) : null,
      echeances: engage ? d.echeances : [],
      engagementsFraisAnnexe: [],
      detailsFacturation: engage ? { iban: d.cfa.iban, plafondFraisPremierEquipement: 500, fraisPremierEquipementRegles: false, fraisMobiliteRegles: false } : null,
    };
  };
  const page = (res, url, liste, membre) => {
    const brut = url.searchParams.get('numeroPage') ?? '1';
    const n = Number(brut);
    if (!/^\d+$/.test(brut) || n < 1) return probleme(res, 400, 'NUMERO_PAGE_INVALIDE', 'Le numéro de page doit être un entier à partir de 1', [{ code: 'NUMERO_PAGE_INVALIDE', description: 'Le numéro de page doit être un entier à partir de 1', champ: 'numeroPage' }]);
    const morceau = liste.slice((n - 1) * pageSize, n * pageSize);
    envoyer(res, 200, { total: liste.length, count: morceau.length, page: n, [membre]: morceau });
  };

  const dejaAcceptee = (cfa, numero) => {
    const f = factures.get(`${cfa.cle}|${numero}`);
    return f !== undefined && f.etatFacture !== 'REJETEE';
  };
  const juger = (cfa, f) => {
    const erreurs = [];
    const motif = (code, i) => {
      const [description, champ] = MOTIFS[code];
      const propre = faute === 'rejet-sans-code' ? 'FACTURE_REJETEE' : (CODES_PROPRES[code] ?? code);
      erreurs.push({ code: propre, description, champ: i === undefined || champ.startsWith('organismeFormation') ? champ : `lignes[${i}].${champ}` });
    };
    const of = f.organismeFormation ?? {};
    if (dejaAcceptee(cfa, f.numeroInterneFacture)) motif('FACTURE_DEJA_CONNUE');
    if (!of.IBAN) motif('IBAN_ABSENT');
    if (!cfas.some((c) => c.siret === of.siret)) motif('SIRET_EMETTEUR_INCONNU');
    if (Math.abs(f.montantTotal - f.lignes.reduce((s, l) => s + Number(l.montant), 0)) > 0.005) motif('TOTAL_DIFFERENT_SOMME_LIGNES');
    const today = aujourdhui();
    const imputations = [];
    f.lignes.forEach((l, i) => {
      const d = dossiers.get(`${cfa.cle}|${l.numeroInterneDossier}`);
      if (!d) return motif('DOSSIER_INCONNU', i);
      if (!['ENGAGE', 'SOLDE'].includes(etat(d, Date.now()))) return motif('DOSSIER_NON_FACTURABLE', i);
      const contrat = d.cerfa.contrat;
      if (jour(contrat.dateConclusion) < '2020-01-01') motif('CONTRAT_ANTERIEUR_2020', i);
      if (!l.numeroExterneDossier) motif('NUMERO_EXTERNE_ABSENT', i);
      else if (l.numeroExterneDossier !== d.numeroExterne) motif('NUMERO_EXTERNE_INCOHERENT', i);
      const e = d.echeances.find((x) => x.numero === l.numeroEcheance);
      if (!e) return motif('NUMERO_ECHEANCE_INCONNU', i);
      if (e.dateOuverture > today) motif('ECHEANCE_NON_OUVERTE', i);
      if (of.IBAN && of.IBAN !== e.iban && faute !== 'iban-non-controle') motif('IBAN_DIFFERENT_ECHEANCE', i);
      if (of.siret !== e.siret) motif('SIRET_DIFFERENT_ECHEANCE', i);
      if (Math.abs(l.montantEcheance - e.montantTotal) > 0.005) motif('MONTANT_ECHEANCE_INCORRECT', i);
      const frais = (l.fraisAnnexes ?? []).reduce((s, x) => s + Number(x.montant), 0);
      if (frais > 0) motif('FRAIS_ANNEXES_DEPASSEMENT', i); // no frais annexes are ever engaged here (no conventions)
      const pedagogique = Number(l.montantPedagogique) + Number(l.montantMajorationRQTH ?? 0);
      if (Math.abs(l.montant - (pedagogique + frais)) > 0.005) motif('LIGNE_MONTANT_INCOHERENT', i);
      const du = r2(e.montantTotal - e.montantRegle - e.montantEnCoursInstruction);
      if (Math.abs(l.montant - frais - du) > 0.005 || Math.abs(pedagogique - du) > 0.005) motif('MONTANT_INCORRECT', i);
      const solde = e.numero % 4 === 0 && jour(contrat.dateConclusion) >= '2025-07-01';
      if (solde && !f.certificatRealisation) motif('SOLDE_SANS_SERVICE_FAIT', i);
      if (solde && today > plusMois(contrat.dateRupture ?? contrat.dateFinContrat, 4)) motif('SOLDE_HORS_DELAI', i);
      imputations.push({ echeance: e, montant: pedagogique, dossier: d });
    });
    return { erreurs, imputations };
  };

  const requis = (corps, chemins) => chemins.filter((c) => c.split('.').reduce((o, k) => (o == null ? undefined : o[k]), corps) == null);

  async function servir(req, res) {
    const url = new URL(req.url, 'http://opco');
    const now = Date.now();
    regler(now);
    if (!url.pathname.startsWith('/v2/')) return probleme(res, 404, 'RESSOURCE_INCONNUE', "Cette ressource n'existe pas");
    const cle = req.headers['x-api-key'];
    if (!cle) return probleme(res, 401, 'CLE_API_ABSENTE', "La clé d'API (en-tête X-API-KEY) est absente", [{ code: 'CLE_API_ABSENTE', description: "La clé d'API (en-tête X-API-KEY) est absente", champ: 'X-API-KEY' }]);
    const cfa = cfas.find((c) => c.cle === cle);
    if (!cfa) return probleme(res, 403, 'CLE_API_INCONNUE', "La clé d'API n'est pas reconnue par cet OPCO", [{ code: 'CLE_API_INCONNUE', description: "La clé d'API n'est pas reconnue par cet OPCO", champ: 'X-API-KEY' }]);
    const absents = ['EDITEUR', 'LOGICIEL', 'VERSION'].filter((h) => !req.headers[h.toLowerCase()]);
    if (absents.length) return probleme(res, 400, 'ENTETE_ABSENT', 'En-tête obligatoire absent', absents.map((h) => ({ code: 'ENTETE_ABSENT', description: `L'en-tête ${h} est obligatoire`, champ: h })));
    const route = `${req.method} ${url.pathname}`;
    let corps;
    if (req.method === 'POST') {
      const morceaux = [];
      let taille = 0;
      for await (const m of req) {
        taille += m.length;
        if (taille > corpsMaxOctets) return probleme(res, 413, 'CORPS_TROP_VOLUMINEUX', 'Le corps de la requête est trop volumineux', undefined, { connection: 'close' });
        morceaux.push(m);
      }
      if (!/^application\/(.+\+)?json/.test(req.headers['content-type'] ?? '')) return probleme(res, 415, 'TYPE_CONTENU_NON_SUPPORTE', 'Le corps doit être envoyé en JSON (Content-Type: application/json)');
      try {
        corps = JSON.parse(Buffer.concat(morceaux).toString('utf8'));
      } catch {
        return probleme(res, 400, 'JSON_INVALIDE', "Le corps n'est pas un JSON valide");
      }
      if (typeof corps !== 'object' || corps === null || Array.isArray(corps)) return probleme(res, 400, 'CORPS_INVALIDE', 'Le corps doit être un objet JSON');
    }
    switch (route) {
      case 'GET /v2/status':
        return envoyer(res, 200, { status: 'healthy', supportedVersions: ['2.0'], uptime: Math.round(process.uptime()) });
      case 'POST /v2/dossiers': {
        const manquants = requis(corps, ['cerfa', 'cerfa.employeur', 'cerfa.apprenti', 'cerfa.apprenti.nir', 'cerfa.maitre1', 'cerfa.organismeFormation', 'cerfa.formation', 'cerfa.contrat', 'cerfa.contrat.dateConclusion', 'cerfa.contrat.dateDebutContrat', 'cerfa.contrat.dateFinContrat']);
        if (manquants.length) return probleme(res, 400, 'DOSSIER_REJETE', 'Le dossier ne respecte pas les règles de gestion de la norme', manquants.map((c) => ({ code: 'CHAMP_OBLIGATOIRE', description: `Le champ ${c} est obligatoire`, champ: c })));
        const numeroInterne = corps.cerfa.numeroInterne ?? corps.numeroInterne ?? `OPCOREC-NI-${sequence + 1}`;
        if (dossiers.has(`${cfa.cle}|${numeroInterne}`)) return probleme(res, 409, 'DOSSIER_DEJA_CONNU', 'Un dossier portant ce numéro interne est déjà connu', [{ code: 'DOSSIER_DEJA_CONNU', description: 'Un dossier portant ce numéro interne est déjà connu', champ: 'numeroInterne' }]);
        const d = deposer(cfa, numeroInterne, { ...corps.cerfa, numeroInterne }, now);
        return envoyer(res, 201, { numeroInterne, numeroExterne: d.numeroExterne, etat: 'TRANSMIS' });
      }
      case 'GET /v2/dossiers': {
        const n = url.searchParams.get('numeroInterne');
        if (!n) return probleme(res, 400, 'PARAMETRE_ABSENT', 'Le paramètre numeroInterne est obligatoire', [{ code: 'PARAMETRE_ABSENT', description: 'Le paramètre numeroInterne est obligatoire', champ: 'numeroInterne' }]);
        const d = dossiers.get(`${cfa.cle}|${n}`);
        if (!d) return probleme(res, 404, 'DOSSIER_INCONNU', "Le dossier n'est pas connu de l'OPCO", [{ code: 'DOSSIER_INCONNU', description: "Le dossier n'est pas connu de l'OPCO", champ: 'numeroInterne' }]);
        return envoyer(res, 200, lu(d, now));
      }
      case 'GET /v2/dossiers/etats': {
        const liste = [...dossiers.values()].filter((d) => d.cfa === cfa).map((d) => {
          const e = etat(d, now);
          return { numeroInterne: d.numeroInterne, numeroExterne: d.numeroExterne, numeroDeca: e === 'ENGAGE' || e === 'SOLDE' ? d.numeroDeca : null, etat: e };
        });
        return page(res, url, liste, 'EtatDossierResult');
      }
      case 'POST /v2/factures': {
        const manquants = requis(corps, ['numeroInterneFacture', 'dateFacture', 'organismeFormation', 'organismeFormation.siret', 'montantTotal', 'lignes']);
        if (!manquants.length && (!Array.isArray(corps.lignes) || corps.lignes.length === 0)) manquants.push('lignes');
        (corps.lignes ?? []).forEach((l, i) => ['numeroInterneDossier', 'numeroEcheance', 'montantEcheance', 'montantPedagogique', 'montant'].forEach((c) => l?.[c] == null && manquants.push(`lignes[${i}].${c}`)));
        if (manquants.length) return probleme(res, 400, 'FACTURE_INVALIDE', 'La facture est incomplète', manquants.map((c) => ({ code: 'CHAMP_OBLIGATOIRE', description: `Le champ ${c} est obligatoire`, champ: c })));
        const { erreurs, imputations } = juger(cfa, corps);
        const base = { numeroInterneFacture: corps.numeroInterneFacture, referenceFactureCFA: corps.referenceFactureCFA ?? null, montantFacture: corps.montantTotal, referenceVirement: null, dateReglement: null, organismeFormation: { siret: corps.organismeFormation.siret, IBAN: corps.organismeFormation.IBAN ?? null } };
        const repartition = corps.lignes.map((l) => ({ numeroInterneDossier: l.numeroInterneDossier, numeroExterneDossier: l.numeroExterneDossier ?? null, montant: l.montant }));
        if (erreurs.length) {
          // A resent accepted invoice keeps its own state: the refusal is only answered.
          if (!dejaAcceptee(cfa, corps.numeroInterneFacture)) {
            factures.set(`${cfa.cle}|${corps.numeroInterneFacture}`, { ...base, cfa, dossiers: repartition, etatFacture: 'REJETEE', commentaire: erreurs.map((e) => e.description).join(' ; ') });
          }
          return probleme(res, 400, 'FACTURE_REJETEE', 'La facture est rejetée', erreurs);
        }
        for (const { echeance, montant } of imputations) echeance.montantEnCoursInstruction = r2(echeance.montantEnCoursInstruction + montant);
        factures.set(`${cfa.cle}|${corps.numeroInterneFacture}`, { ...base, cfa, dossiers: repartition, etatFacture: 'EN_COURS_INSTRUCTION', commentaire: null, acceptee: now, imputations });
        return envoyer(res, 201, { numeroInterneFacture: corps.numeroInterneFacture, etatFacture: 'EN_COURS_INSTRUCTION' });
      }
      case 'GET /v2/factures/etats': {
        const liste = [...factures.values()].filter((f) => f.cfa === cfa).map(({ cfa: _c, acceptee: _a, imputations: _i, ...f }) => f);
        return page(res, url, liste, 'factures');
      }
      default:
        if (url.pathname === '/v2/dossiers') return probleme(res, 405, 'METHODE_NON_AUTORISEE', "Un dossier transmis ne se modifie pas par l'API", undefined, { allow: 'GET, POST' });
        return probleme(res, 404, 'RESSOURCE_INCONNUE', "Cette ressource n'existe pas");
    }
  }

  const serveur = createServer((req, res) => {
    servir(req, res).catch(() => {
      if (!res.headersSent) probleme(res, 500, 'ERREUR_INTERNE', 'Une erreur inattendue est survenue');
    });
  });
  await new Promise((resolve) => serveur.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = serveur.address();
  return {
    url: `http://127.0.0.1:${port}`,
    dossiersEngages: numerosEngages,
    close: () => new Promise((resolve) => { serveur.closeAllConnections(); serveur.close(() => resolve()); }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argument = (nom) => { const i = process.argv.indexOf(nom); return i > 0 ? process.argv[i + 1] : undefined; };
  const [a = 'cle-recette-a', b = 'cle-recette-b'] = (process.env.OPCO_CLES ?? '').split(',').filter(Boolean);
  const opco = await demarrerOpco({
    port: Number(argument('--port') ?? 0), faute: argument('--faute'),
    cfas: [
      { cle: a, siret: '51205716700094', uai: '0446892C', iban: 'FR7630004008230001234567819' },
      { cle: b, siret: '84395551900064', uai: '0690298Z', iban: 'FR7930003012340009876543210' },
    ],
  });
  console.log(`listening on ${opco.url}; dossiers engagés : ${opco.dossiersEngages.join(', ')}`);
  process.on('SIGINT', () => void opco.close().then(() => process.exit(0)));
}
