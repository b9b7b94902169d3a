// Test support of the server suite: an in-process mock OPCO with two CFAs and an admin clock, listening on a free port.
import type { AddressInfo } from 'node:net';
import { createMockApp, type MockApp, type MockAppOptions } from '../../mocks/app.js';
import { frozenClock } from '../../mocks/clock.js';
import type { MockConfig } from '../../mocks/tenants.js';
import type { Target } from './runner.js';

export const SUITE_CONFIG: MockConfig = {
  admin: { token: 'suite-admin-token' },
  cfas: [
    { siret: '85300000800005', denomination: 'CFA de la suite', keys: { '*': 'suite-cfa-key-1' }, iban: 'FR7630006000011234567890189' },
    { siret: '42100000100006', denomination: 'Autre CFA', keys: { '*': 'suite-cfa-key-2' }, iban: 'FR1420041010050500013M02606' },
  ],
};

export const ALL_CAPACITES = ['v1', 'v2', 'dossiers', 'rupture', 'factures', 'facturesEtats', 'conventions', 'certificats', 'documents', 'cfakeyinfo'];

export interface SuiteMock extends MockApp {
  url: string;
  target: Target;
}

/** A memory-store mock on a frozen clock, listening on 127.0.0.1:0, and the target that reaches it with both keys. */
export async function startSuiteMock(options: Partial<MockAppOptions> = {}): Promise<SuiteMock> {
  const mock = await createMockApp({ store: 'memory', config: SUITE_CONFIG, clock: frozenClock('2025-01-15T09:00:00Z'), ...options });
  await mock.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(mock.app.server.address() as AddressInfo).port}`;
  return {
    ...mock,
    url,
    target: {
      url,
      cfaKey: 'suite-cfa-key-1',
      cfaKey2: 'suite-cfa-key-2',
      editor: { editeur: 'Suite', logiciel: 'convergence', version: '0.1.0' },
      adminToken: 'suite-admin-token',
      capacites: ALL_CAPACITES,
      statutInconnu: 404,
    },
  };
}
