// Authentication of the norm's calls: X-API-KEY and software headers, OAuth2 bearer tokens, and the token endpoint.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MockProblem } from '../errors.js';
import type { OpcoProfile } from '../profiles.js';
import type { CfaTenant } from '../tenants.js';
import { isBroken } from '../variants/index.js';
import { header } from './reply.js';
import type { MockRuntime } from './types.js';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The CFA a request speaks for, or the problem to answer: key, software headers, editor, OAuth2 token when required. */
export function authenticate(runtime: MockRuntime, profile: OpcoProfile, request: FastifyRequest): CfaTenant {
  const key = header(request, 'x-api-key');
  if (!key) {
    throw new MockProblem('CLE_API_ABSENTE', "L'en-tête X-API-KEY est obligatoire", [
      { code: 'CLE_API_ABSENTE', description: "L'en-tête X-API-KEY est obligatoire", champ: 'X-API-KEY' },
    ]);
  }
  const tenant = runtime.tenants.findByKey(profile.id, key) ?? (isBroken(runtime, 'cle-api-inconnue-acceptee') ? runtime.tenants.all()[0] : undefined);
  if (!tenant) {
    throw new MockProblem('CLE_API_INCONNUE', `La clé d'API n'est pas reconnue par ${profile.nom}`, [
      { code: 'CLE_API_INCONNUE', description: "La clé d'API n'est pas reconnue", champ: 'X-API-KEY' },
    ]);
  }
  const missing = ['EDITEUR', 'LOGICIEL', 'VERSION']
    .filter((name) => !header(request, name.toLowerCase()))
    .filter((name) => !(name === 'EDITEUR' && isBroken(runtime, 'editeur-non-exige')));
  if (missing.length > 0) {
    throw new MockProblem(
      'ENTETE_EDITEUR_ABSENTE',
      `En-tête(s) obligatoire(s) absent(s) : ${missing.join(', ')}`,
      missing.map((name) => ({ code: 'ENTETE_EDITEUR_ABSENTE', description: `L'en-tête ${name} est obligatoire`, champ: name })),
    );
  }
  const editeur = header(request, 'editeur') ?? '';
  if (tenant.editeurs && !tenant.editeurs.includes(editeur) && !(editeur === '' && isBroken(runtime, 'editeur-non-exige'))) {
    throw new MockProblem('EDITEUR_NON_AUTORISE', `L'éditeur « ${editeur} » n'est pas autorisé pour ce CFA`, [
      { code: 'EDITEUR_NON_AUTORISE', description: "L'éditeur n'est pas autorisé pour ce CFA", champ: 'EDITEUR' },
    ]);
  }
  if (profile.oauth2Required) {
    const auth = header(request, 'authorization');
    const bearer = auth?.match(/^Bearer\s+(.+)$/i)?.[1];
    if (!bearer) {
      throw new MockProblem('JETON_ABSENT', `${profile.nom} exige un jeton OAuth2 (POST /${profile.id}/oauth/token)`, [
        { code: 'JETON_ABSENT', description: "Le jeton d'accès OAuth2 est obligatoire", champ: 'Authorization' },
      ]);
    }
    const known = runtime.tokens.get(bearer);
    if (!known || known.opco !== profile.id || known.expiresAt <= runtime.clock.now().getTime()) {
      throw new MockProblem('JETON_INVALIDE', "Le jeton d'accès est invalide ou expiré", [
        { code: 'JETON_INVALIDE', description: "Le jeton d'accès est invalide ou expiré", champ: 'Authorization' },
      ]);
    }
  }
  return tenant;
}

/** OAuth2 client_credentials: the software's client id and secret, in the form body or in Basic auth. */
export function token(runtime: MockRuntime, profile: OpcoProfile, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const form = (request.body && typeof request.body === 'object' && !Buffer.isBuffer(request.body) ? request.body : {}) as Record<string, string>;
  let clientId = form.client_id;
  let clientSecret = form.client_secret;
  const basic = header(request, 'authorization')?.match(/^Basic\s+(.+)$/i)?.[1];
  if (basic) {
    const [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    clientId ??= id;
    clientSecret ??= secret;
  }
  // Problem bodies (as the spec says) that also carry RFC 6749's `error` fields for OAuth2 client libraries.
  const oauthError = (problem: MockProblem, error: string): FastifyReply =>
    reply.code(problem.status).type('application/problem+json').send({ ...problem.body(profile.erreurDescriptionRacine), error, error_description: problem.detail });
  if (form.grant_type !== 'client_credentials') {
    return oauthError(
      new MockProblem('REQUETE_INVALIDE', 'Seul le flux client_credentials est accepté', [
        { code: 'REQUETE_INVALIDE', description: 'Seul le flux client_credentials est accepté', champ: 'grant_type' },
      ]),
      'unsupported_grant_type',
    );
  }
  const clients = runtime.clients.get(profile.id) ?? [];
  const ok = clientId && clientSecret && clients.some((c) => c.clientId === clientId && sameSecret(c.clientSecret, clientSecret ?? ''));
  if (!ok) {
    const description = 'Identifiants du client OAuth2 invalides';
    return oauthError(new MockProblem('CLIENT_OAUTH_INVALIDE', description, [{ code: 'CLIENT_OAUTH_INVALIDE', description, champ: 'client_id' }]), 'invalid_client');
  }
  const value = randomBytes(24).toString('base64url');
  const expiresIn = 3600;
  runtime.tokens.set(value, { opco: profile.id, expiresAt: runtime.clock.now().getTime() + expiresIn * 1000 });
  return reply.send({ access_token: value, token_type: 'Bearer', expires_in: expiresIn, scope: form.scope ?? profile.oauth2Scope ?? '' });
}
