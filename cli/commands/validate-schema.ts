// The spec's request schemas as `validate` applies them: the same compiled validators and error terms as the mock.
import type { ErreurSchema } from '../../conformance/model/contexte.js';
import type { PayloadKind } from '../../conformance/model/payloads.js';
import { estEnveloppeCerfa } from '../../conformance/model/depot-cerfa.js';
import { ajvToNormErrors, compileSpec, defaultSpecPath, type CompiledSpec } from '../../mocks/spec.js';

/** The operation whose request body each payload kind is (v2; v1 shares every schema). */
const OPERATIONS: Record<PayloadKind, string> = {
  cerfa: '/v2/dossiers',
  facture: '/v2/factures',
  convention: '/v2/conventions',
  certificat: '/v2/certificats',
};

export type SchemaJudge = (payload: unknown, kind: PayloadKind) => ErreurSchema[] | undefined;

/**
 * A judge of payloads against the spec's request schemas. A bare CERFA (a payload file often holds the inner object)
 * is judged as the wire body `{"cerfa": …}`; fields are named relative to the CERFA, as the rules name them.
 */
export async function schemaJudge(specFile: string = defaultSpecPath()): Promise<SchemaJudge> {
  const spec: CompiledSpec = await compileSpec(specFile);
  const validators = new Map(
    (Object.entries(OPERATIONS) as [PayloadKind, string][]).map(([kind, path]) => [kind, spec.find('post', path)?.validateBody ?? undefined]),
  );
  return (payload, kind) => {
    const validate = validators.get(kind);
    if (validate === undefined) return undefined;
    const body = kind === 'cerfa' && !estEnveloppeCerfa(payload) ? { cerfa: payload } : payload;
    if (validate(body)) return [];
    const errors = ajvToNormErrors(validate.errors);
    if (kind !== 'cerfa') return errors.map(({ champ, description }) => ({ champ: champ ?? '(corps)', description }));
    return errors.map(({ champ, description }) => ({ champ: (champ ?? '').replace(/^cerfa\.?/, ''), description }));
  };
}
