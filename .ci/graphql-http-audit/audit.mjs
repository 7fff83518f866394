// The GraphQL over HTTP audit (graphql-http's server audits) against a started service.
//   CIN_URL=http://localhost:8080 .ci/graphql-http-audit/run   (npm ci, then this)
// Every request carries a bearer token: from CIN_TOKEN, or else a local-profile token from /local/token.
// Prints each audit with its result; exits 1 when a MUST fails (FAIL_ON=SHOULD: when a MUST or a SHOULD fails).
// The audits ask only for __typename and __type, so they read no child's record.
import { serverAudits } from 'graphql-http';

const base = (process.env.CIN_URL ?? 'http://localhost:8080').replace(/\/$/, '');
const failOn = (process.env.FAIL_ON ?? 'MUST').toUpperCase();
if (!['MUST', 'SHOULD'].includes(failOn)) {
  console.error(`FAIL_ON is MUST or SHOULD, not ${failOn}`);
  process.exit(2);
}
const timeout = () => AbortSignal.timeout(15_000);

async function localToken() {
  const response = await fetch(`${base}/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ authority: 'camden', teams: ['team-a'], role: 'TEAM_MANAGER', subject: 'graphql-http-audit' }),
    signal: timeout(),
  });
  if (!response.ok) {
    throw new Error(`${base}/local/token answered ${response.status}: run the service in the local profile, or set CIN_TOKEN`);
  }
  return (await response.json()).token;
}

const token = process.env.CIN_TOKEN ?? (await localToken());

// The audit's own requests, each with the token added (and a time limit, so a hung service fails the step).
const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers, signal: timeout() });
};

const counts = { MUST: { ok: 0, failed: 0 }, SHOULD: { ok: 0, failed: 0 }, MAY: { ok: 0, failed: 0 } };
const failing = [];
// One at a time, in the audit's own order, so the output reads the same on every run.
for (const audit of serverAudits({ url: `${base}/graphql`, fetchFn })) {
  const result = await audit.fn();
  const level = result.name.split(' ')[0];
  if (result.status === 'ok') {
    counts[level].ok++;
    console.log(`ok      ${result.id}  ${result.name}`);
    continue;
  }
  counts[level].failed++;
  const body = await result.response.text().catch(() => '');
  const type = result.response.headers.get('content-type') ?? 'no content-type';
  console.log(`${result.status.padEnd(7)} ${result.id}  ${result.name}`);
  console.log(`        ${result.reason}; got ${result.response.status}, ${type}${body ? `: ${body.slice(0, 300)}` : ''}`);
  if (level === 'MUST' || (level === 'SHOULD' && failOn === 'SHOULD')) failing.push(`${result.id} ${result.name}`);
}

const line = (level) => `${level} ${counts[level].ok} ok, ${counts[level].failed} not`;
console.log(`GraphQL over HTTP audit of ${base}/graphql: ${line('MUST')}; ${line('SHOULD')}; ${line('MAY')}`);
if (failing.length > 0) {
  console.log(`Failed (${failOn === 'SHOULD' ? 'MUST or SHOULD' : 'MUST'}):\n  ${failing.join('\n  ')}`);
  process.exit(1);
}
