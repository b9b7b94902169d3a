// Test harness for the mock: an app on a frozen clock and short helpers to call it as a CFA or as its admin.
import type { LightMyRequestResponse } from 'fastify';
import { createMockApp, type MockApp, type MockAppOptions } from '../app.js';
import { frozenClock } from '../clock.js';
import { DEMO } from '../tenants.js';
import { HEADERS } from './fixtures.js';

export const START = '2026-01-16T09:00:00Z';
export const ADMIN = { authorization: `Bearer ${DEMO.adminToken}` };

export interface TestMock extends MockApp {
  call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  admin(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse>;
  advance(duration: string): Promise<void>;
  /** GET /v2/dossiers?numeroInterne=… as JSON (asserts 200). */
  dossier(numeroInterne: string, prefix?: string, headers?: Record<string, string>): Promise<any>;
}

export async function startTestMock(options: MockAppOptions = {}): Promise<TestMock> {
  const mock = await createMockApp({ clock: frozenClock(START), store: 'memory', ...options });
  const call: TestMock['call'] = (method, url, body, headers = HEADERS) =>
    mock.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
  const admin: TestMock['admin'] = (method, url, body) =>
    mock.app.inject({ method, url, headers: ADMIN, ...(body === undefined ? {} : { payload: body as object }) });
  return {
    ...mock,
    call,
    admin,
    advance: async (duration) => {
      const res = await admin('PUT', '/_admin/clock', { advance: duration });
      if (res.statusCode !== 200) throw new Error(`clock: ${res.body}`);
    },
    dossier: async (numeroInterne, prefix = '', headers = HEADERS) => {
      const res = await call('GET', `${prefix}/v2/dossiers?numeroInterne=${encodeURIComponent(numeroInterne)}`, undefined, headers);
      if (res.statusCode !== 200) throw new Error(`GET dossier ${numeroInterne}: ${res.statusCode} ${res.body}`);
      return res.json();
    },
  };
}
