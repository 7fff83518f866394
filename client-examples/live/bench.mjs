// Live benchmark (not a test): SUBSCRIBERS WebSocket subscribers on one instance, while RATE mutations a second are
// made: WARMUP seconds unmeasured, the rate rising from a tenth of RATE to RATE (the JIT compiles the delivery path
// meanwhile), then SECONDS seconds measured at RATE.
// Reports the latency from each change's commit (its changedAt, stamped by PostgreSQL in the writing transaction)
// to its delivery, over every measured delivery.
//   CIN_URL=http://localhost:8080 SUBSCRIBERS=1000 RATE=50 WARMUP=20 SECONDS=20 node bench.mjs
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const base = process.env.CIN_URL ?? 'http://localhost:8080';
const subscribers = Number(process.env.SUBSCRIBERS ?? 1000);
const rate = Number(process.env.RATE ?? 50);
const seconds = Number(process.env.SECONDS ?? 20);
const warmup = Number(process.env.WARMUP ?? 20);
const authorities = ['camden', 'derby', 'nottinghamshire', 'children-law-2008', 'london-azeus'];

// A team manager's token from the local profile's token endpoint: one per authority for the writes, and one per
// subscriber (each its own subject), since the service limits the subscriptions one caller may hold
// (cin.live.max-subscriptions-per-caller).
async function token(authority, subject) {
  return (await (await fetch(`${base}/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ authority, teams: ['bench'], role: 'TEAM_MANAGER', subject }),
  })).json()).token;
}
const tokens = {};
for (const authority of authorities) tokens[authority] = await token(authority, 'bench');

async function graphql(query, variables = {}, authority = 'camden') {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[authority]}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

// Children to open plans for: one mutation a change.
const warmupWrites = Math.round(rate * warmup * 0.55);
const writes = warmupWrites + rate * seconds;
// When write i is due, in seconds from the start: during the warm-up the rate is rate * (0.1 + 0.9 t / warmup).
const dueAt = (i) => (i < warmupWrites
  ? (-0.1 + Math.sqrt(0.01 + (1.8 * i) / (rate * warmup))) / (0.9 / warmup)
  : warmup + (i - warmupWrites) / rate);
let measuredFrom = Infinity;
const children = [];
for (const authority of authorities) {
  const family = (await graphql(`mutation { createFamily(input: {authorityCode: "${authority}", name: "Bench"}) {
    family { id } } }`, {}, authority)).createFamily.family.id;
  const batch = await Promise.all(Array.from({ length: Math.ceil(writes / authorities.length) }, (_, i) => graphql(
    'mutation($f: ID!) { addChild(input: {familyId: $f, givenName: "B", familyName: "C"}) { child { id } } }',
    { f: family }, authority)));
  children.push(...batch.map((d) => ({ id: d.addChild.child.id, authority })));
}
// Interleave authorities so that every subscriber's share arrives steadily.
children.sort((a, b) => (a.id < b.id ? -1 : 1));

const latencies = [];
const errors = new Map();
const clients = [];
let ready = 0;
for (let i = 0; i < subscribers; i++) {
  const subscriberToken = await token(authorities[i % authorities.length], `bench-subscriber-${i}`);
  const client = createClient({
    url: `${base.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    lazy: false,
    connectionParams: { Authorization: `Bearer ${subscriberToken}` },
  });
  clients.push(client);
  client.subscribe({
    query: 'subscription($a: String) { deadlinesChanged(authorityCode: $a) { id changedAt } }',
    variables: { a: authorities[i % authorities.length] },
  }, {
    next: (event) => {
      const committed = Date.parse(event.data.deadlinesChanged.changedAt);
      if (committed >= measuredFrom) latencies.push(Date.now() - committed);
    },
    error: (e) => { const key = JSON.stringify(e).slice(0, 120); errors.set(key, (errors.get(key) ?? 0) + 1); },
    complete: () => {},
  });
  client.on('connected', () => { ready++; });
}
while (ready < subscribers) await new Promise((r) => setTimeout(r, 100));
await new Promise((r) => setTimeout(r, 1000));
console.log(`${subscribers} subscribers connected; ${rate} mutations a second, ${warmup} s warm-up, ${seconds} s measured`);

const today = new Date().toISOString().slice(0, 10);
const started = Date.now();
let done = 0;
const failed = [];
const inFlight = [];
for (let i = 0; i < writes; i++) {
  const due = started + dueAt(i) * 1000;
  if (i === warmupWrites) measuredFrom = Date.now();
  await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
  inFlight.push(graphql(`mutation($c: ID!) { openPlan(input: {childId: $c, startReason: AFTER_ASSESSMENT,
    referralDate: "${today}", triggerDate: "${today}"}) { plan { id } } }`, { c: children[i].id }, children[i].authority)
    .then(() => { done++; }, (e) => { failed.push(e.message.slice(0, 120)); }));
}
await Promise.all(inFlight);
await new Promise((r) => setTimeout(r, 3000));
const elapsed = (Date.now() - started) / 1000;

latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
console.log(`mutations: ${done} made in ${elapsed.toFixed(1)} s, ${rate * seconds} of them at ${rate}/s while measured`);
if (failed.length) console.log(`mutations failed: ${failed.length}, the first: ${failed[0]}`);
console.log(`measured deliveries: ${latencies.length} (expected ${Math.round(rate * seconds * subscribers / authorities.length)})`);
console.log(`commit to delivery: p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1)} ms`);
for (const [error, count] of errors) console.log(`subscribers ended with an error (${count}): ${error}`);
await Promise.all(clients.map((c) => c.dispose()));
process.exit(0);
