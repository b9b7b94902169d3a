// M3: a second maître d'apprentissage is given completely (nom, prénom, date de naissance) or not at all.
import { defineRule, notApplicable, pass, verdict, type Violation } from '../rule.js';
import { copie } from '../support/plant.js';

const CHAMPS = ['nom', 'prenom', 'dateNaissance'] as const;

const rempli = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

export default defineRule<'cerfa'>({
  id: 'coherence-maitre2-complet',
  title: "Le second maître d'apprentissage doit être renseigné complètement (nom, prénom, date de naissance) ou pas du tout",
  requirements: ['COH-16'],
  severity: 'bloquant',
  area: 'coherence',
  appliesTo: ['cerfa'],
  check(cerfa) {
    const maitre2 = cerfa.maitre2;
    if (!maitre2) return notApplicable('pas de second maître');
    const manquants = CHAMPS.filter((champ) => !rempli(maitre2[champ]));
    if (manquants.length === 0 || manquants.length === CHAMPS.length) return pass();
    const violations: Violation[] = manquants.map((champ) => ({
      path: `maitre2.${champ}`,
      expected: 'renseigné, comme les autres champs du second maître',
      received: 'vide',
      message: 'Le second maître est incomplet',
    }));
    return verdict(violations);
  },
  plant(valid) {
    const cerfa = copie(valid);
    cerfa.maitre2 = { nom: 'BERNARD', prenom: '', dateNaissance: cerfa.maitre1.dateNaissance };
    return { payload: cerfa };
  },
});
