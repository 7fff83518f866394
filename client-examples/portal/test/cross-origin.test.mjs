// The caseload page served from a second origin, calling the service itself cross-origin (server.mjs direct mode:
// no proxy), in Debian's Chromium.
//   CIN_URL=http://localhost:8080 CIN_CROSS_ORIGIN=http://127.0.0.1:5174 npm test
// The service must list CIN_CROSS_ORIGIN in cin.cors.allowed-origins (.ci/run starts it so): from there the page
// signs in, loads the caseload and goes live over the WebSocket. From an origin the service does not list (this
// server on a free port) the browser is refused: no token, no rows, and neither a fetch nor a WebSocket gets through.
// Without CIN_CROSS_ORIGIN the listed-origin test is skipped.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { start } from '../server.mjs';

const cinUrl = process.env.CIN_URL ?? 'http://localhost:8080';
const listedOrigin = process.env.CIN_CROSS_ORIGIN;
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TIMEOUT = 30_000;

let browser;
const servers = [];

before(async () => {
  browser = await chromium.launch({
    executablePath,
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** The page served in direct mode at host:port; resolves to its URL. */
async function serve(host, port) {
  const server = await start({ host, port, cinUrl, direct: true });
  servers.push(server);
  return `http://${host}:${server.address().port}/?authority=camden&teams=team-a`;
}

/** A new page that records its script errors and the requests it sends to the service. */
async function open(url) {
  const page = await browser.newPage();
  const errors = [];
  const toService = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (request) => {
    if (request.url().startsWith(cinUrl)) toService.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  page.on('websocket', (socket) => toService.push(`WS ${socket.url()}`));
  await page.goto(url);
  return { page, errors, toService };
}

test('from a listed origin the page signs in, loads and goes live, calling the service cross-origin',
  { skip: listedOrigin ? false : 'set CIN_CROSS_ORIGIN to an origin the service lists in cin.cors.allowed-origins' },
  async () => {
    const { hostname, port } = new URL(listedOrigin);
    const { page, errors, toService } = await open(await serve(hostname, Number(port)));
    await page.waitForSelector('#live[data-state="live"]', { timeout: TIMEOUT });
    await page.waitForSelector('#caseload[aria-busy="false"]', { timeout: TIMEOUT });
    assert.ok(await page.locator('#caseload tbody tr').count() > 0, 'the caseload has rows');
    assert.equal(await page.locator('#problem').isHidden(), true, 'no problem shown');
    assert.ok(toService.includes('POST /local/token'), 'the token came from the service itself');
    assert.ok(toService.includes('POST /graphql'), 'the caseload came from the service itself');
    assert.ok(toService.some((r) => r.startsWith('WS ws://')), 'the WebSocket is the service\'s');
    assert.deepEqual(errors, [], 'no script errors on the page');
    await page.close();
  });

test('from an unlisted origin the browser is refused: no token, no rows, no WebSocket', async () => {
  const { page } = await open(await serve('127.0.0.1', 0));
  await page.waitForSelector('#problem:not([hidden])', { timeout: TIMEOUT });
  assert.match(await page.locator('#problem').innerText(), /Could not sign in/);
  assert.equal(await page.locator('#caseload tbody tr').count(), 0, 'no rows');

  // A token obtained elsewhere does not help: the preflight of the POST is refused, and so is the WebSocket.
  const token = (await (await fetch(`${cinUrl}/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ authority: 'camden', teams: ['team-a'], role: 'TEAM_MANAGER' }),
  })).json()).token;
  const outcome = await page.evaluate(async ({ service, bearer }) => {
    const post = await fetch(`${service}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query: '{ authorities { code } }' }),
    }).then(() => 'answered', (e) => e.name);
    const socket = await new Promise((resolve) => {
      const ws = new WebSocket(`${service.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
      ws.onopen = () => { ws.close(); resolve('opened'); };
      ws.onerror = () => resolve('refused');
    });
    return { post, socket };
  }, { service: cinUrl, bearer: token });
  assert.deepEqual(outcome, { post: 'TypeError', socket: 'refused' });
  await page.close();
});
