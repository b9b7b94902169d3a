// Every error answer carries the norm's error list: `errors[]` whose items give a code and a readable description.
import { defineRule, notApplicable, verdict, type Violation } from '../rule.js';
import { copie, isErrorStatus, isObject, show, valueAt } from './support.js';

export default defineRule({
  id: 'serveur-corps-erreur',
  title: "Une réponse d'erreur porte le tableau errors[] de la norme (code et description de chaque erreur)",
  requirements: ['API-08'],
  severity: 'bloquant',
  area: 'serveur',
  appliesTo: ['echange'],
  check(echange) {
    const { status, body } = echange.response;
    if (!isErrorStatus(status)) return notApplicable(`réponse ${status}, pas une erreur`);
    const errors = valueAt(body, 'errors');
    if (!Array.isArray(errors) || errors.length === 0) return verdict([{ path: 'errors', expected: 'un tableau non vide', received: show(errors) }]);
    const violations: Violation[] = [];
    errors.forEach((item, i) => {
      if (!isObject(item) || typeof item.code !== 'string' || item.code === '') violations.push({ path: `errors[${i}].code`, expected: 'un code (chaîne non vide)', received: show(isObject(item) ? item.code : item) });
      const texte = isObject(item) ? (item.description ?? item.message) : undefined;
      if (typeof texte !== 'string' || texte === '') violations.push({ path: `errors[${i}].description`, expected: 'une description lisible', received: show(texte) });
    });
    return verdict(violations);
  },
  plant(valid) {
    const echange = copie(valid);
    echange.response = { ...echange.response, status: 400, body: { message: 'Bad Request' } };
    return { payload: echange };
  },
});
