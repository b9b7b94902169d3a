// Builds a Postman v2.1 collection (and an environment for the mock) from spec/openapi.yaml and mocks/examples/.
/// <reference path="../../node_modules/postman-collection/types/index.d.ts" />
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import postman from 'postman-collection';
import { mocksAsset, type OpcoProfile } from '../../mocks/profiles.js';
import { DEMO } from '../../mocks/tenants.js';
import { storyRank, type Json, type Operation } from './export-postman-story.js';

export { operationsOf, type Operation } from './export-postman-story.js';

/** The date the examples of mocks/examples/ are written for (the walk-through of docs/mock.md starts there too). */
export const MOCK_START = '2026-01-16T09:00:00Z';

export interface PostmanExport {
  collection: Json;
  environment: Json;
}

export interface PostmanOptions {
  /** The parsed spec (spec/openapi.yaml). */
  spec: Record<string, any>;
  /** The OPCO profile whose versions, capabilities, OAuth2 and deposit status the collection follows. */
  profile: OpcoProfile;
  /** The operations of the spec this profile offers, with their capability (see operationsOf). */
  operations: readonly Operation[];
  /** The mock's root URL for the environment file (`http://127.0.0.1:4010`). */
  mockUrl: string;
  /** The tool's version, written in the collection's description. */
  version: string;
}

const example = (name: string): Json => JSON.parse(readFileSync(mocksAsset(`examples/${name}`), 'utf8'));

/** A stable id (UUID-shaped) so that two exports of the same inputs are byte-identical. */
function stableId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Bodies of mocks/examples/ by the schema of the request body; other bodies come from the spec's own examples. */
const EXAMPLE_FILES: Record<string, string> = {
  DepotCerfa: 'cerfa.json',
  Convention: 'convention.json',
  Facture: 'facture.json',
  Certificat: 'certificat.json',
};

/** Members naming the dossier: replaced by the variables the deposit fills, so every step follows the same dossier. */
function linkToDossier(value: Json, key = ''): Json {
  if (Array.isArray(value)) return value.map((v) => linkToDossier(v));
  if (value && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) out[k] = linkToDossier(v, k);
    if (out.typeObjet === 'dossier' && typeof out.idObjet === 'string') out.idObjet = '{{numeroInterne}}';
    return out;
  }
  if (typeof value !== 'string') return value;
  if (key === 'numeroInterne' || key === 'numeroInterneDossier') return '{{numeroInterne}}';
  if (key === 'numeroExterne' || key === 'numeroExterneDossier') return '{{numeroExterne}}';
  return value;
}

const test = (id: string, lines: string[]): Json => ({ listen: 'test', script: { id: stableId(id, 'test'), exec: lines, type: 'text/javascript' } });
const statusTest = (status: number): string[] => [
  `pm.test('status is ${status}', function () {`,
  `  pm.response.to.have.status(${status});`,
  '});',
];
const mockOnly = (id: string): Json => ({
  listen: 'prerequest',
  script: {
    id: stableId(id, 'prerequest'),
    type: 'text/javascript',
    exec: ['// Mock only: without an adminToken (a real OPCO), this step is skipped.', "if (!pm.variables.get('adminToken')) { pm.execution.skipRequest(); }"],
  },
});

export function buildPostman(options: PostmanOptions): PostmanExport {
  const { spec, profile, operations, mockUrl } = options;
  const cerfa = (example('cerfa.json') as any).cerfa;
  const refs = (o: any): any => (o?.$ref ? String(o.$ref).split('/').slice(1).reduce((a: any, k: string) => a?.[k], spec) : o);
  const name = `Norme d'échange API CFA / OPCO — ${profile.nom}`;
  const id = (...parts: string[]): string => stableId(profile.id, ...parts);
  const oauth = profile.oauth2Required;

  // Values of the query parameters, taken from the examples so that every read finds what the story deposited.
  const known: Record<string, string> = {
    numeroInterne: '{{numeroInterne}}',
    numerosInternes: '{{numeroInterne}}',
    numeroPage: '1',
    nom: cerfa.apprenti.nom,
    prenom: cerfa.apprenti.prenom,
    dateNaissance: cerfa.apprenti.dateNaissance,
    siretEmployeur: cerfa.employeur.siret,
    dateDebutContrat: cerfa.contrat.dateDebutContrat,
    siret: cerfa.employeur.siret,
    idcc: cerfa.employeur.codeIdcc,
  };
  const headerVariables: Record<string, string> = { EDITEUR: '{{editeur}}', LOGICIEL: '{{logiciel}}', VERSION: '{{versionLogiciel}}' };

  const body = (op: Operation): Json | undefined => {
    const content = refs(op.definition.requestBody)?.content as Record<string, any> | undefined;
    if (!content) return undefined;
    if (content['application/x-www-form-urlencoded']) {
      const form = { grant_type: 'client_credentials', client_id: '{{clientId}}', client_secret: '{{clientSecret}}', scope: '{{scope}}' };
      return { mode: 'urlencoded', urlencoded: Object.entries(form).map(([key, value]) => ({ key, value })) };
    }
    const media = content['application/json'];
    const schema = String(media?.schema?.$ref ?? '').split('/').pop() ?? '';
    const file = EXAMPLE_FILES[schema];
    const sample = file ? example(file) : (refs(Object.values(media?.examples ?? {})[0])?.value ?? media?.example ?? {});
    return { mode: 'raw', raw: JSON.stringify(linkToDossier(sample), null, 2), options: { raw: { language: 'json' } } };
  };

  const expected = (op: Operation): number => {
    if (op.key === 'POST /dossiers') return profile.depotStatus;
    return Math.min(...Object.keys(op.definition.responses ?? {}).map(Number).filter((s) => s >= 200 && s < 300));
  };

  const captures = (op: Operation): string[] => {
    if (op.key === 'POST /oauth/token') return ["pm.collectionVariables.set('accessToken', pm.response.json().access_token);"];
    if (op.key !== 'POST /dossiers') return [];
    return [
      '// The numbers the OPCO gave: the next steps (reads, pieces, invoice, rupture) follow this dossier.',
      'const depot = pm.response.json();',
      "if (depot.numeroInterne) pm.collectionVariables.set('numeroInterne', depot.numeroInterne);",
      "if (depot.numeroExterne) pm.collectionVariables.set('numeroExterne', depot.numeroExterne);",
    ];
  };

  const request = (op: Operation, folder: string, again = ''): Json => {
    const params = [...(refs(op.pathItem.parameters) ?? []), ...(op.definition.parameters ?? [])].map(refs);
    const header: Json[] = [];
    if ((op.definition.security ?? spec.security ?? []).some((alt: any) => 'cfaKey' in alt)) header.push({ key: 'X-API-KEY', value: '{{cfaKey}}' });
    for (const p of params.filter((p: any) => p.in === 'header')) header.push({ key: p.name, value: headerVariables[p.name] ?? String(p.example ?? '') });
    const query = params
      .filter((p: any) => p.in === 'query')
      .map((p: any) => {
        const value = known[p.name];
        const fallback = Array.isArray(p.example) ? p.example.join(',') : String(p.example ?? '');
        return { key: p.name, value: value ?? fallback, ...(value === undefined && !p.required ? { disabled: true } : {}) };
      });
    const b = body(op);
    if (b && (b as any).mode === 'raw') header.push({ key: 'Content-Type', value: 'application/json' });
    const secured = (op.definition.security ?? spec.security ?? []).length > 0;
    const base = op.key === 'GET /api/opcos' ? '{{cfadockUrl}}' : '{{baseUrl}}';
    const itemId = id(folder, op.method, op.path, again);
    return {
      id: itemId,
      name: `${op.definition.summary ?? `${op.method} ${op.path}`}${again}`,
      description: `${op.method} ${op.path} (operationId ${op.definition.operationId ?? '?'}). ${op.definition.description ?? ''}`.trim(),
      request: {
        method: op.method,
        url: { raw: `${base}${op.path}`, host: [base], path: op.path.split('/').filter(Boolean), query },
        header,
        ...(b ? { body: b } : {}),
        auth: oauth && secured ? { type: 'bearer', bearer: [{ key: 'token', value: '{{accessToken}}' }] } : { type: 'noauth' },
      },
      event: [test(itemId, [...statusTest(expected(op)), ...captures(op)])],
    };
  };

  const admin = (folder: string, label: string, method: string, path: string, payload: Json, status: number): Json => ({
    id: id(folder, 'mock', label),
    name: `Mock: ${label}`,
    description: "Admin API of `convergence mock` (skipped when adminToken is empty, i.e. against a real OPCO).",
    request: {
      method,
      url: { raw: `{{mockUrl}}${path}`, host: ['{{mockUrl}}'], path: path.split('/').filter(Boolean) },
      header: [{ key: 'Content-Type', value: 'application/json' }],
      body: { mode: 'raw', raw: JSON.stringify(payload), options: { raw: { language: 'json' } } },
      auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{adminToken}}' }] },
    },
    event: [mockOnly(id(folder, 'mock', label)), test(id(folder, 'mock', label), statusTest(status))],
  });

  const decision = profile.delaiDecision ?? 'P5D';
  const folders: Json[] = [];
  const cfadock = operations.filter((op) => op.key === 'GET /api/opcos');
  if (cfadock.length > 0) {
    folders.push({ id: id('cfadock'), name: 'CfaDock', description: 'Which OPCO covers an employer (no key).', item: cfadock.map((op) => request(op, 'cfadock')) });
  }
  for (const version of profile.versions.filter((v) => operations.some((op) => op.version === v)).reverse()) {
    const ops = operations.filter((op) => op.version === version || (op.key === 'POST /oauth/token' && (oauth || profile.id === 'norme')));
    const story = [...ops].sort((a, b) => storyRank(a.key) - storyRank(b.key));
    const item: Json[] = [
      admin(version, 'reset', 'POST', '/_admin/reset', {}, 200),
      admin(version, `clock to ${MOCK_START}`, 'PUT', '/_admin/clock', { now: MOCK_START }, 200),
    ];
    let decided = false;
    for (const op of story) {
      if (!decided && storyRank(op.key) >= storyRank('@decision')) {
        item.push(admin(version, `advance the clock ${decision} (the OPCO decides: ENGAGE)`, 'PUT', '/_admin/clock', { advance: decision }, 200));
        decided = true;
        // A token lives an hour of the OPCO's clock: after the clock moved, ask for a new one.
        const token = ops.find((o) => o.key === 'POST /oauth/token');
        if (oauth && token) item.push(request(token, version, ' (again: the clock moved)'));
      }
      item.push(request(op, version));
    }
    folders.push({ id: id(version), name: `Protocol ${version}`, description: `Every ${version} operation ${profile.nom} offers, as one dossier's story.`, item });
  }

  const variables: Record<string, string> = {
    baseUrl: String(spec.servers?.[0]?.url ?? ''),
    cfadockUrl: String(spec.servers?.[0]?.url ?? ''),
    cfaKey: '',
    editeur: 'Mon Editeur',
    logiciel: 'Mon Logiciel',
    versionLogiciel: '1.0.0',
    clientId: '',
    clientSecret: '',
    scope: profile.oauth2Scope ?? 'api.read api.write',
    accessToken: '',
    numeroInterne: String(cerfa.numeroInterne),
    numeroExterne: '',
    mockUrl: '',
    adminToken: '',
  };
  const collection = new postman.Collection({
    info: {
      id: id('collection'),
      name,
      description:
        `Generated by convergence-kit ${options.version} (\`convergence export postman --opco ${profile.id}\`) from spec/openapi.yaml ` +
        'and mocks/examples/. Set baseUrl, cfaKey and the EDITEUR / LOGICIEL / VERSION values (editeur, logiciel, versionLogiciel)' +
        (oauth ? ', and clientId / clientSecret for the OAuth2 token' : '') +
        '. Steps named "Mock: …" drive the mock\'s admin API and are skipped when adminToken is empty.',
    } as any,
    variable: Object.entries(variables).map(([key, value]) => ({ key, value, type: 'string' })) as any,
    item: folders as any,
  });
  const json = collection.toJSON() as any;

  const root = mockUrl.replace(/\/+$/, '');
  const environment = new postman.VariableScope({
    id: id('environment'),
    name: `convergence mock (${profile.id})`,
    values: Object.entries({
      baseUrl: profile.id === 'norme' ? root : `${root}/${profile.id}`,
      cfadockUrl: root,
      mockUrl: root,
      cfaKey: DEMO.apiKey,
      adminToken: DEMO.adminToken,
      clientId: DEMO.client.clientId,
      clientSecret: DEMO.client.clientSecret,
    }).map(([key, value]) => ({ key, value, type: 'string' })),
  } as any).toJSON() as any;
  environment._postman_variable_scope = 'environment';
  return { collection: json, environment };
}
