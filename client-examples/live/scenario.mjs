// What subscribe.mjs (WebSocket, graphql-ws) and subscribe-sse.mjs (SSE, graphql-sse) both do, each over its own
// transport: subscribe to a new plan's deadline changes, record a meeting, receive its change; then, after a change
// made while nobody listened, resume with after: the last id received and receive exactly what was missed and what
// came next, each once. Exits 1 when an expected change does not arrive within EVENT_TIMEOUT seconds (default 10).
// Prints ids, causes and dates only: nothing about the child or the family.

export const base = process.env.CIN_URL ?? 'http://localhost:8080';
const timeoutMs = Number(process.env.EVENT_TIMEOUT ?? 10) * 1000;

export const SUBSCRIPTION = `subscription($p: ID!, $after: ID) {
  deadlinesChanged(planId: $p, after: $after) { id cause changedAt nextReviewDue isOverdue plan { id } } }`;

/** CIN_TOKEN, or in the local profile a camden team manager's token from /local/token. */
export async function token(subject) {
  if (process.env.CIN_TOKEN) return process.env.CIN_TOKEN;
  const response = await fetch(`${base}/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ authority: 'camden', teams: ['team-a'], role: 'TEAM_MANAGER', subject }),
  });
  if (!response.ok) throw new Error(`/local/token answered ${response.status}: set CIN_TOKEN outside the local profile`);
  return (await response.json()).token;
}

export function fail(message) {
  console.error(message);
  process.exit(1);
}

async function graphql(bearer, query, variables = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`errors: ${body.errors.map((e) => e.extensions?.code ?? e.message).join(', ')}`);
  return body.data;
}

/** A date this many days before today, as the API takes it. */
function daysAgo(days) {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function recordMeeting(bearer, plan, kind, heldOn) {
  const { recordMeeting: payload } = await graphql(bearer, `mutation($p: ID!, $k: MeetingKind!, $d: Date!) {
      recordMeeting(input: {planId: $p, kind: $k, heldOn: $d, chairRole: TEAM_MANAGER}) {
        plan { nextReviewDue } userErrors { code } } }`, { p: plan, k: kind, d: heldOn });
  if (payload.userErrors.length) throw new Error(`recordMeeting: ${payload.userErrors.map((e) => e.code).join(', ')}`);
  console.log(`recorded a ${kind} meeting held on ${heldOn}: next review due ${payload.plan.nextReviewDue}`);
  return payload.plan;
}

/** The next change of the stream, or null when none comes within the time given. */
async function next(events, ms) {
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), ms); });
  let step;
  try {
    step = await Promise.race([events.next(), timeout]);
  } catch (e) {
    fail(`the subscription failed: ${e?.message ?? e?.reason ?? e}`);
  } finally {
    clearTimeout(timer);
  }
  if (step === 'timeout') return null;
  if (step.done) fail('the subscription ended early');
  if (step.value.errors) fail(`the subscription answered errors: ${step.value.errors.map((e) => e.extensions?.code).join(', ')}`);
  return step.value.data.deadlinesChanged;
}

async function expect(events, what) {
  const change = await next(events, timeoutMs);
  if (!change) fail(`no change arrived within ${timeoutMs / 1000} s: ${what}`);
  return change;
}

function show(change, what) {
  console.log(`  change ${change.id} (${change.cause}) at ${change.changedAt}: next review due ${change.nextReviewDue},`
    + ` overdue ${change.isOverdue}  <- ${what}`);
}

/**
 * transport.subscribe(variables) starts a subscription and returns {events, opened, close}: events an async
 * iterator of results, opened a promise settled once the subscription listens (as far as the transport can tell).
 */
export async function run(transport, bearer) {
  const family = (await graphql(bearer, 'mutation { createFamily(input: {authorityCode: "camden", name: "Example family"}) { family { id } } }'))
    .createFamily.family.id;
  const child = (await graphql(bearer, 'mutation($f: ID!) { addChild(input: {familyId: $f, givenName: "Example", familyName: "Child"}) { child { id } } }',
    { f: family })).addChild.child.id;
  // Referred 100 days ago, so that each meeting below can be held on a day of its own and moves the plan's dates.
  const plan = (await graphql(bearer, `mutation($c: ID!, $d: Date!) { openPlan(input: {childId: $c,
      startReason: AFTER_ASSESSMENT, referralDate: $d, triggerDate: $d}) { plan { id nextReviewDue } } }`,
  { c: child, d: daysAgo(100) })).openPlan.plan;
  console.log(`plan ${plan.id}: next review due ${plan.nextReviewDue}`);

  // 1. Subscribe; once the subscription listens, hold the planning meeting, and receive its change. (Opening the
  //    plan is a change too, and may still be on its way: it is told apart by its date.)
  console.log(`${transport.name}: subscribing`);
  const first = transport.subscribe({ p: plan.id });
  const opened = await Promise.race([first.opened.then(() => true), new Promise((r) => setTimeout(r, timeoutMs, false))]);
  if (!opened) fail(`${transport.name}: the subscription did not open within ${timeoutMs / 1000} s`);
  const planning = await recordMeeting(bearer, plan.id, 'PLANNING', daysAgo(90));
  let heard;
  do {
    heard = await expect(first.events, 'the planning meeting');
    show(heard, heard.nextReviewDue === planning.nextReviewDue ? 'the planning meeting' : 'an earlier change');
  } while (heard.nextReviewDue !== planning.nextReviewDue);
  await first.close();

  // 2. Nobody listens: this change is missed.
  const missed = await recordMeeting(bearer, plan.id, 'REVIEW', daysAgo(60));

  // 3. Resume after the last change heard, and make another change at once: whether it commits before or after
  //    the subscription listens, it comes once, after the missed one.
  console.log(`${transport.name}: resuming after change ${heard.id}`);
  const resumed = transport.subscribe({ p: plan.id, after: heard.id });
  const latest = await recordMeeting(bearer, plan.id, 'REVIEW', daysAgo(30));
  const replayed = await expect(resumed.events, 'the change made while nobody listened');
  show(replayed, 'missed while nobody listened');
  const live = await expect(resumed.events, 'the change made after resuming');
  show(live, 'made after resuming');
  if (!(BigInt(replayed.id) > BigInt(heard.id) && BigInt(live.id) > BigInt(replayed.id))) {
    fail(`the changes came out of order: ${heard.id}, then ${replayed.id}, ${live.id}`);
  }
  if (replayed.nextReviewDue !== missed.nextReviewDue || live.nextReviewDue !== latest.nextReviewDue) {
    fail('the resumed subscription did not bring the missed change and then the new one');
  }
  // Nothing more: a change received twice would come now.
  const extra = await next(resumed.events, 1000);
  if (extra) fail(`change ${extra.id} arrived after the last one expected: received twice, or unexpected`);
  await resumed.close();
  console.log(`${transport.name}: nothing missed, nothing twice`);
}
