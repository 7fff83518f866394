// The mobile app's offline visit queue, against the CIN service, sending registered documents only (by id).
//   CIN_URL=http://localhost:8080 node sync.mjs        (or: npm start)
// Against the local profile it asks /local/token for a camden social worker's token as the mobile client
// (azp cin-mobile); elsewhere give one in CIN_TOKEN. Finds a plan in the caseload (or opens one), records visits
// "offline" into a queue file, then "back online" sends the queue twice, each visit with its own clientMutationId
// both times, and checks that the service holds each visit exactly once. Exits 1 on any mismatch or error.
import { createHash, randomUUID } from 'node:crypto';
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const base = process.env.CIN_URL ?? 'http://localhost:8080';
// The same files the service registers: both sides hash the same bytes.
const registry = process.env.CIN_DOCUMENTS ?? path.join(here, '../../src/main/resources/trusted-documents/mobile');
const queueFile = process.env.QUEUE_FILE ?? path.join(here, 'visit-queue.jsonl');
const visitCount = Number(process.env.VISITS ?? 3);
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

/** Operation name -> document id: "sha256:" and the SHA-256 of the file's bytes, lower-case hex. */
function registeredDocuments(directory) {
  const ids = new Map();
  for (const file of readdirSync(directory).filter((f) => f.endsWith('.graphql')).sort()) {
    const bytes = readFileSync(path.join(directory, file));
    const name = /^\s*(?:query|mutation|subscription)\s+(\w+)/m.exec(bytes.toString('utf8'))?.[1];
    if (!name) throw new Error(`${file} has no named operation`);
    ids.set(name, `sha256:${createHash('sha256').update(bytes).digest('hex')}`);
  }
  return ids;
}

async function localToken() {
  const response = await fetch(`${base}/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      authority: 'camden', teams: ['team-a'], role: 'SOCIAL_WORKER', subject: 'mobile-example', client: 'cin-mobile',
    }),
  });
  if (!response.ok) {
    throw new Error(`/local/token answered ${response.status}: set CIN_TOKEN outside the local profile`);
  }
  return (await response.json()).token;
}

const documents = registeredDocuments(registry);
const token = process.env.CIN_TOKEN ?? await localToken();
const authority = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).authority;

async function post(body) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** Runs a registered document by its id; throws on any error, and on userErrors of a mutation's payload. */
async function send(operation, variables) {
  const documentId = documents.get(operation);
  if (!documentId) throw new Error(`${operation} is not among the registered documents in ${registry}`);
  const { status, body } = await post({ documentId, variables });
  if (body.errors) {
    const errors = body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ');
    throw new Error(`${operation} (${documentId}): HTTP ${status}, ${errors}`);
  }
  for (const payload of Object.values(body.data)) {
    if (payload?.userErrors?.length) {
      throw new Error(`${operation}: ${payload.userErrors.map((e) => `${e.code} at ${e.field?.join('.')}: ${e.message}`)
        .join('; ')}`);
    }
  }
  return body.data;
}

async function main() {
  console.log(`${documents.size} registered documents hashed from ${path.relative(process.cwd(), registry) || '.'}`);

  // Text instead of an id: refused outside the local profile, where this client may send registered documents only.
  const probe = await post({ query: '{ authorities { code } }' });
  const code = probe.body.errors?.[0]?.extensions?.code;
  console.log(code === 'TRUSTED_DOCUMENT_REQUIRED'
    ? `free text from cin-mobile: refused, HTTP ${probe.status} ${code}`
    : `free text from cin-mobile: accepted (the local profile lets developers send text; elsewhere it is refused)`);

  // A plan to visit: an open one from the caseload with room for the visits after its referral, or a new one.
  const earliest = daysAgo(visitCount);
  const caseload = (await send('MyCaseload', { first: 50 })).plans.edges.map((e) => e.node);
  let plan = caseload.find((p) => p.referralDate <= earliest);
  if (plan) {
    console.log(`found plan ${plan.id} in the caseload (referred ${plan.referralDate})`);
  } else {
    const family = (await send('CreateFamily', { input: {
      authorityCode: authority, name: 'Mobile example', clientMutationId: randomUUID() } })).createFamily.family;
    const child = (await send('AddChild', { input: {
      familyId: family.id, givenName: 'Example', familyName: 'Mobile', clientMutationId: randomUUID(),
    } })).addChild.child;
    const referred = daysAgo(visitCount + 30);
    plan = (await send('OpenPlan', { input: {
      childId: child.id, startReason: 'AFTER_ASSESSMENT', referralDate: referred, triggerDate: referred,
      clientMutationId: randomUUID() } })).openPlan.plan;
    console.log(`no plan in the caseload to visit: opened plan ${plan.id} (referred ${plan.referralDate})`);
  }
  const before = (await send('PlanVisits', { planId: plan.id })).plan.visits;
  console.log(`the plan holds ${before.length} visits`);

  // Offline: each visit goes to the queue with its own clientMutationId, nothing is sent.
  writeFileSync(queueFile, '');
  for (let i = 1; i <= visitCount; i += 1) {
    const input = {
      planId: plan.id, visitedOn: daysAgo(i), childSeen: true, seenAlone: i % 2 === 0, clientMutationId: randomUUID(),
    };
    appendFileSync(queueFile, `${JSON.stringify(input)}\n`);
    console.log(`offline: queued the visit of ${input.visitedOn} (clientMutationId ${input.clientMutationId})`);
  }

  // Back online: the queue is sent twice, as a flaky connection might; the same ids both times.
  const queue = readFileSync(queueFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  for (const pass of [1, 2]) {
    for (const input of queue) {
      const payload = (await send('RecordVisit', { input })).recordVisit;
      if (payload.clientMutationId !== input.clientMutationId || payload.plan.id !== input.planId) {
        throw new Error(`recordVisit answered for ${payload.clientMutationId} on ${payload.plan?.id}`);
      }
      console.log(`online, pass ${pass}: recordVisit ${input.visitedOn} (${input.clientMutationId}) -> `
        + `next review due ${payload.plan.nextReviewDue}, overdue ${payload.plan.isOverdue}`);
    }
  }
  writeFileSync(queueFile, '');

  // Each queued visit is held exactly once: per visit, one more than before.
  const after = (await send('PlanVisits', { planId: plan.id })).plan.visits;
  const key = (v) => `${v.visitedOn} seen ${v.childSeen} alone ${v.seenAlone}`;
  const count = (visits, k) => visits.filter((v) => key(v) === k).length;
  let mismatches = 0;
  for (const input of queue) {
    const held = count(after, key(input)) - count(before, key(input));
    const expected = queue.filter((q) => key(q) === key(input)).length;
    console.log(`${held === expected ? 'ok' : 'MISMATCH'}: the visit of ${input.visitedOn} is held ${held} time(s)`);
    if (held !== expected) mismatches += 1;
  }
  if (after.length - before.length !== queue.length) {
    console.log(`MISMATCH: ${after.length - before.length} visits added for ${queue.length} queued`);
    mismatches += 1;
  }
  console.log(`${queue.length} visits queued, sent twice (${2 * queue.length} requests), `
    + `${after.length - before.length} added to plan ${plan.id}`);
  return mismatches === 0 ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
}
