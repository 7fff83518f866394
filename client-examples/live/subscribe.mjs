// Subscribes to a plan's deadline changes over WebSocket, records a meeting over HTTP, prints the change.
//   CIN_URL=http://localhost:8080 node subscribe.mjs
// Against the local profile it asks /local/token for a camden team manager's token; elsewhere give one in CIN_TOKEN.
// Exits 0 once the change has arrived, 1 if it has not within 30 seconds.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const base = process.env.CIN_URL ?? 'http://localhost:8080';
const token = process.env.CIN_TOKEN ?? (await (await fetch(`${base}/local/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ authority: 'camden', teams: ['team-a'], role: 'TEAM_MANAGER', subject: 'live-example' }),
})).json()).token;

async function graphql(query, variables = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const family = (await graphql(
  'mutation { createFamily(input: {authorityCode: "camden", name: "Example family"}) { family { id } } }',
)).createFamily.family.id;
const child = (await graphql(
  'mutation($f: ID!) { addChild(input: {familyId: $f, givenName: "Example", familyName: "Child"}) { child { id } } }',
  { f: family },
)).addChild.child.id;
const today = new Date().toISOString().slice(0, 10);
const plan = (await graphql(
  `mutation($c: ID!) { openPlan(input: {childId: $c, startReason: AFTER_ASSESSMENT,
     referralDate: "${today}", triggerDate: "${today}"}) { plan { id nextReviewDue } } }`,
  { c: child },
)).openPlan.plan;
console.log(`plan ${plan.id}: next review due ${plan.nextReviewDue}`);

// Over a WebSocket the token goes in connection_init.
const client = createClient({
  url: `${base.replace(/^http/, 'ws')}/graphql`,
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: `Bearer ${token}` },
});
const timeout = setTimeout(() => {
  console.error('no change arrived within 30 s');
  process.exit(1);
}, 30_000);

const events = client.iterate({
  query: `subscription($p: ID!) { deadlinesChanged(planId: $p) {
    id cause changedAt nextReviewDue isOverdue plan { id } } }`,
  variables: { p: plan.id },
});

// Once subscribed, hold the initial meeting: the plan's deadlines move, and the change arrives.
setTimeout(() => graphql(
  `mutation($p: ID!) { recordMeeting(input: {planId: $p, kind: PLANNING, heldOn: "${today}",
     chairRole: TEAM_MANAGER}) { userErrors { code message } } }`,
  { p: plan.id },
).catch((e) => { console.error(e); process.exit(1); }), 500);

for await (const event of events) {
  const change = event.data.deadlinesChanged;
  console.log(`change ${change.id} (${change.cause}) at ${change.changedAt}: next review due ${change.nextReviewDue},`
    + ` overdue ${change.isOverdue}`);
  clearTimeout(timeout);
  await client.dispose();
  process.exit(0);
}
