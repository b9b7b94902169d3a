// Public entry of the certification judge: a recorded CFA session in, the suite report (checklist included) out.
export { judgeSession, certificationRules, echangeOfViolation, type JudgeOptions } from './judge.js';
export { buildChecklist, capacitesSansItem, CHECKLIST_IDS, PROTOCOLE, type Constats, type ScriptJoue, type VerdictRegle } from './checklist.js';
export { stepName, urlOf, curlOf, redactBody, canonicalJson, dossiersLus, dossierDepose, numeroFacture, estRejet, type DossierVu } from './exchanges.js';
