// GraphiQL with the network off: the page the jar serves at /graphiql (local profile) must load everything from the
// service itself, run a query with a local-profile token, show the docs explorer, and receive a subscription's
// event over graphql-ws. Every request Chromium tries to send anywhere but this machine is aborted and recorded; the
// test fails if there is one.
//   CIN_URL=http://localhost:8080 npm test
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const cinUrl = process.env.CIN_URL ?? 'http://localhost:8080';
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
// Generous: CI machines are shared and a cold Chromium is slow to start.
const TIMEOUT = 60_000;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

let profile;
let context;
let page;
let token;
const offMachine = [];
const sockets = [];
const pageErrors = [];

before(async () => {
  token = (await post('/local/token', { authority: 'camden', teams: ['team-a'], role: 'TEAM_MANAGER',
    subject: 'graphiql-test' })).token;
  profile = await mkdtemp(join(tmpdir(), 'cin-graphiql-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // The network is off for everything but this machine: such a request is aborted, and recorded.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && !LOCAL_HOSTS.has(url.hostname)) {
      offMachine.push(url.href);
      return route.abort('internetdisconnected');
    }
    return route.continue();
  });
  page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('websocket', (socket) => {
    const frames = [];
    sockets.push({ url: socket.url(), frames });
    socket.on('framereceived', (frame) => frames.push(String(frame.payload)));
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && !LOCAL_HOSTS.has(url.hostname)) {
      offMachine.push(url.href);
    }
  });
});

after(async () => {
  if (process.env.SCREENSHOT && page) {
    await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
  }
  await context?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

test('GraphiQL loads from the jar alone and runs a query with a local token', async () => {
  await page.goto(`${cinUrl}/graphiql`);
  await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor({ timeout: TIMEOUT });

  // The token in the headers pane, as the README says; then the schema is fetched again with it.
  await page.getByText('Headers', { exact: true }).click();
  await setEditor(page.locator('.graphiql-editor-tool'), JSON.stringify({ Authorization: `Bearer ${token}` }));
  await page.getByRole('button', { name: /Re-fetch GraphQL schema/i }).click();
  await setEditor(page.locator('.graphiql-query-editor'), '{ authorities { code name } }');
  await run();
  await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent.includes('"camden"'),
    null, { timeout: TIMEOUT });
  const response = await page.locator('.graphiql-response').innerText();
  assert.match(response, /"authorities"/);
  assert.doesNotMatch(response, /"errors"/);
  assert.deepEqual(offMachine, [], 'no request left the machine');
  assert.deepEqual(pageErrors, [], 'no script errors on the page');
});

test('the docs explorer shows the schema', async () => {
  await page.getByRole('button', { name: /Show Documentation Explorer/i }).click();
  const docs = page.locator('.graphiql-doc-explorer');
  await docs.getByText('Query', { exact: true }).first().waitFor({ timeout: TIMEOUT });
  await docs.getByText('Query', { exact: true }).first().click();
  await docs.getByText('authorities', { exact: true }).first().waitFor({ timeout: TIMEOUT });
  assert.deepEqual(offMachine, [], 'no request left the machine');
});

test('a subscription runs over graphql-ws and receives an event', async () => {
  await setEditor(page.locator('.graphiql-query-editor'),
    'subscription { deadlinesChanged(authorityCode: "camden") { id plan { id } } }');
  // Run at once, as a person pressing Ctrl+Enter would: the editor's own parse of the new text is not done yet.
  await run();
  // The socket is the page's own origin, acknowledged with the token from the headers pane.
  await waitFor(() => sockets.some((s) => s.frames.some((f) => f.includes('connection_ack'))), 'connection_ack');
  assert.ok(sockets.every((s) => LOCAL_HOSTS.has(new URL(s.url).hostname)), 'the WebSocket is on this machine');
  // A change the subscription must announce: a new plan, opened through the API.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const family = (await api(`mutation { createFamily(input: {authorityCode: "camden", name: "GraphiQL test family",
      team: "team-a"}) { family { id } } }`)).createFamily.family.id;
  const child = (await api(`mutation($f: ID!) { addChild(input: {familyId: $f, givenName: "Graph",
      familyName: "Iql"}) { child { id } } }`, { f: family })).addChild.child.id;
  let planId;
  // Until the subscription is registered on the server an event could be missed: open plans until one shows.
  await waitFor(async () => {
    planId = (await api(`mutation($c: ID!) { openPlan(input: {childId: $c, startReason: AFTER_ASSESSMENT,
        referralDate: "${today}", triggerDate: "${today}"}) { plan { id } userErrors { code } } }`, { c: child }))
      .openPlan.plan?.id ?? planId;
    return page.locator('.graphiql-response').innerText().then((text) => text.includes('deadlinesChanged'));
  }, 'the subscription event', 3);
  const response = await page.locator('.graphiql-response').innerText();
  assert.match(response, /"deadlinesChanged"/);
  assert.deepEqual(offMachine, [], 'no request left the machine');
  assert.deepEqual(pageErrors, [], 'no script errors on the page');
});

/** Replaces an editor's text as a person would: click, select all, type (no auto-closed brackets). */
async function setEditor(editor, text) {
  const target = editor.locator('.monaco-editor:visible').first();
  await target.waitFor({ timeout: TIMEOUT });
  await target.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

async function run() {
  await page.getByRole('button', { name: /Execute query/i }).first().click();
}

async function waitFor(check, what, tries = 60) {
  const pause = tries <= 3 ? 5000 : 500;
  for (let i = 0; i < tries; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  assert.fail(`timed out waiting for ${what}`);
}

async function api(query, variables = {}) {
  const body = await post('/graphql', { query, variables }, { authorization: `Bearer ${token}` });
  assert.equal(body.errors, undefined, `errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function post(path, body, headers = {}) {
  const response = await fetch(`${cinUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  assert.ok(response.ok, `${path} answered HTTP ${response.status}`);
  return response.json();
}
