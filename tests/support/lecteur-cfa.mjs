// An editor's end-to-end test as `test cfa --exec` runs it, written from docs/certification.md alone: deposit, then read states.
// Reads CONVERGENCE_URL, CONVERGENCE_API_KEY and CONVERGENCE_ADMIN_TOKEN; exits 0 when its dossier is read back,
// or with the code given as `--exit <n>` after doing its work (an editor's failing test suite).
import { readFileSync } from 'node:fs';

const base = process.env.CONVERGENCE_URL;
const key = process.env.CONVERGENCE_API_KEY;
const admin = process.env.CONVERGENCE_ADMIN_TOKEN;
if (!base || !key || !admin) {
  console.error('CONVERGENCE_URL, CONVERGENCE_API_KEY and CONVERGENCE_ADMIN_TOKEN must be set');
  process.exit(2);
}
const exitArg = process.argv.indexOf('--exit');
const exitCode = exitArg > 0 ? Number(process.argv[exitArg + 1]) : 0;
const example = JSON.parse(readFileSync(new URL('../../mocks/examples/cerfa.json', import.meta.url), 'utf8'));
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function call(method, path, body) {
  const res = await fetch(`${base}/v2${path}`, {
    method,
    headers: {
      'X-API-KEY': key,
      EDITEUR: 'Editions du Dehors',
      LOGICIEL: 'Lecteur',
      VERSION: '2.0.0',
      accept: 'application/json',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: text ? JSON.parse(text) : undefined };
}

/** 429: wait Retry-After; 5xx: pause 1.2 s and resend the same request; four tries at most. */
async function patiently(method, path, body) {
  let answer;
  for (let attempt = 0; attempt < 4; attempt++) {
    answer = await call(method, path, body);
    if (answer.status !== 429 && answer.status < 500) return answer;
    const seconds = Number(answer.retryAfter);
    await sleep(Number.isFinite(seconds) && answer.retryAfter !== null ? seconds * 1000 + 50 : 1200);
  }
  return answer;
}

// The mock's clock on the day the example contract is deposited (docs' walk-through).
const clock = await fetch(`${base}/_admin/clock`, {
  method: 'PUT',
  headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
  body: JSON.stringify({ now: '2026-01-16T09:00:00Z' }),
});
if (clock.status !== 200) throw new Error(`clock: ${clock.status}`);

const deposit = await patiently('POST', '/dossiers', { cerfa: { ...example.cerfa, numeroInterne: 'LECT-0001' } });
console.log(`deposit: ${deposit.status}`);
const states = await patiently('GET', '/dossiers/etats?numeroPage=1');
const seen = JSON.stringify(states.body ?? '').includes('LECT-0001');
console.log(`states: ${states.status}, own dossier ${seen ? 'seen' : 'missing'}`);
process.exit(seen ? exitCode : 1);
