// The caseload page: a team manager's open plans, earliest next review first, kept live by deadlinesChanged. The
// server orders and pages (orderBy: NEXT_REVIEW_DUE, keyset cursors): the page loads the first 50, and more on asking.
// Every request goes to apiUrl (config.mjs): this page's own origin, where server.mjs passes /graphql and
// /local/token on to the service, or in direct mode the service itself, cross-origin (CORS).
import { createClient } from 'graphql-ws';
import { apiUrl } from './config.mjs';

const PAGE_SIZE = 50;

// What a row shows.
const PLAN_FIELDS = `
  id status nextReviewDue isOverdue requiredChairRole
  child { id givenName familyName family { team } }
  deadlines { kind dueDate isOverdue rule { id summary } }`;

const LIST = `query Caseload($after: String, $first: Int) {
  plans(filter: {status: OPEN}, orderBy: {field: NEXT_REVIEW_DUE}, first: $first, after: $after) {
    totalCount
    edges { node { ${PLAN_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const ONE = `query CaseloadPlan($id: ID!) { plan(id: $id) { ${PLAN_FIELDS} } }`;

// A change names its plan; the row is refetched over HTTP with the same fields as the list, so a plan that closed
// leaves and one that opened arrives the same way.
const CHANGES = `subscription CaseloadChanges($authority: String) {
  deadlinesChanged(authorityCode: $authority) { id cause plan { id } }
}`;

const params = new URLSearchParams(location.search);
const authority = params.get('authority') || 'camden';
const teams = (params.get('teams') || 'team-a').split(',').map((t) => t.trim()).filter(Boolean);

const ui = {
  authority: document.getElementById('authority'),
  teams: document.getElementById('teams'),
  authorityName: document.getElementById('authority-name'),
  live: document.getElementById('live'),
  problem: document.getElementById('problem'),
  table: document.getElementById('caseload'),
  body: document.querySelector('#caseload tbody'),
  summary: document.getElementById('summary'),
  more: document.getElementById('more'),
};
ui.authority.value = authority;
ui.teams.value = teams.join(', ');
ui.authorityName.textContent = ui.authority.selectedOptions[0]?.textContent ?? authority;

/** Open plans by id: the pages loaded so far, kept live. */
const plans = new Map();
/** Where the next page starts (null: none left), and how many open plans there are in all. */
let nextPage = null;
let total = 0;
/** Loads and refetches run one after another, so a later read always lands after an earlier one. */
let work = Promise.resolve();
const inTurn = (job) => {
  work = work.then(job).catch((e) => showProblem(e.message));
};

const token = await signIn();
if (token) {
  connect(token);
}

async function signIn() {
  try {
    const response = await fetch(`${apiUrl}/local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ authority, teams, role: 'TEAM_MANAGER', subject: 'caseload-page' }),
    });
    if (!response.ok) {
      throw new Error(`the service refused a token (HTTP ${response.status}); is it running in the local profile?`);
    }
    return (await response.json()).token;
  } catch (e) {
    showProblem(`Could not sign in: ${e.message}`);
    setLive('offline', 'Not connected');
    return null;
  }
}

function connect(bearer) {
  ui.more.onclick = () => inTurn(() => loadMore(bearer));
  const client = createClient({
    url: socketUrl(),
    connectionParams: { Authorization: `Bearer ${bearer}` },
    retryAttempts: 10,
    on: {
      // On every (re)connection: load the whole list again, so nothing missed while away stays missing.
      connected: () => {
        setLive('live', 'Live: changes appear as they happen');
        inTurn(() => load(bearer));
      },
      closed: () => setLive('offline', 'Connection lost: reconnecting…'),
    },
  });
  client.subscribe({ query: CHANGES, variables: { authority } }, {
    next: ({ data, errors }) => {
      if (errors?.length) {
        showProblem(describe(errors));
      }
      const change = data?.deadlinesChanged;
      if (change) {
        inTurn(() => refresh(bearer, change.plan.id));
      }
    },
    error: (e) => {
      setLive('offline', 'Not live');
      const errors = Array.isArray(e) ? e : [e];
      showProblem(errors.some((x) => x?.extensions?.code === 'TOKEN_EXPIRED')
        ? 'Your session has ended: reload the page to sign in again.'
        : `Live updates stopped: ${describe(errors)}`);
    },
    complete: () => setLive('offline', 'Not live'),
  });
}

/** The WebSocket URL of /graphql: on this page's origin, or the service's in direct mode. */
function socketUrl() {
  const url = new URL(`${apiUrl}/graphql`, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

async function load(bearer) {
  ui.table.setAttribute('aria-busy', 'true');
  try {
    const data = await graphql(bearer, LIST, { after: null, first: PAGE_SIZE });
    plans.clear();
    take(data.plans);
    render();
    hideProblem();
  } catch (e) {
    showProblem(`Could not load the caseload: ${e.message}`);
  } finally {
    ui.table.setAttribute('aria-busy', 'false');
  }
}

/** The next page, in the server's order, after the last one loaded. */
async function loadMore(bearer) {
  if (!nextPage) {
    return;
  }
  ui.table.setAttribute('aria-busy', 'true');
  try {
    take((await graphql(bearer, LIST, { after: nextPage, first: PAGE_SIZE })).plans);
    render();
  } catch (e) {
    showProblem(`Could not load more of the caseload: ${e.message}`);
  } finally {
    ui.table.setAttribute('aria-busy', 'false');
  }
}

function take(page) {
  for (const { node } of page.edges) {
    plans.set(node.id, node);
  }
  total = page.totalCount;
  nextPage = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  ui.more.hidden = !nextPage;
}

async function graphql(bearer, query, variables) {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json().catch(() => ({}));
  if (body.errors?.length) {
    throw new Error(describe(body.errors));
  }
  if (!response.ok || !body.data) {
    throw new Error(`HTTP ${response.status}`);
  }
  return body.data;
}

/** A plan changed: patch its row, add it (a new plan), or drop it (closed, or no longer visible). */
async function refresh(bearer, id) {
  const plan = (await graphql(bearer, ONE, { id })).plan;
  const had = plans.has(id);
  if (plan?.status === 'OPEN') {
    plans.set(id, plan);
    total += had ? 0 : 1;
  } else {
    plans.delete(id);
    total -= had ? 1 : 0;
  }
  render(id);
  if (!plan) {
    return;
  }
  const who = `${plan.child.givenName} ${plan.child.familyName}`;
  announce(plan.status !== 'OPEN' ? `${who}: plan closed`
    : `${who}: next review due ${formatDate(plan.nextReviewDue)}${plan.isOverdue ? ', overdue' : ''}`);
}

/** Earliest nextReviewDue first; plans with none (no meeting due) last; ties in a stable order. */
function byNextReview(a, b) {
  if (a.nextReviewDue !== b.nextReviewDue) {
    if (!a.nextReviewDue) return 1;
    if (!b.nextReviewDue) return -1;
    return a.nextReviewDue < b.nextReviewDue ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function render(changedId) {
  const rows = new Map([...ui.body.rows].map((row) => [row.dataset.planId, row]));
  const sorted = [...plans.values()].sort(byNextReview);
  for (const plan of sorted) {
    const row = rows.get(plan.id) ?? document.createElement('tr');
    rows.delete(plan.id);
    fill(row, plan);
    if (plan.id === changedId) {
      row.classList.remove('changed');
      void row.offsetWidth; // restarts the highlight
      row.classList.add('changed');
    }
    ui.body.appendChild(row); // moves an existing row into its sorted place
  }
  for (const gone of rows.values()) {
    gone.remove();
  }
  const overdue = sorted.filter((p) => p.isOverdue).length;
  const shown = sorted.length < total ? ` (showing the first ${sorted.length})` : '';
  ui.summary.textContent = `${total} open plan${total === 1 ? '' : 's'}${shown}, ${overdue} overdue of those shown.`;
}

function fill(row, plan) {
  row.dataset.planId = plan.id;
  row.dataset.overdue = String(plan.isOverdue);
  row.className = plan.isOverdue ? 'overdue' : '';
  row.replaceChildren(
    cell('th', { scope: 'row', field: 'child' }, `${plan.child.givenName} ${plan.child.familyName}`),
    cell('td', { field: 'team' }, plan.child.family.team),
    dateCell(plan.nextReviewDue),
    statusCell(plan.isOverdue),
    chairCell(plan.requiredChairRole),
    deadlinesCell(plan.deadlines.filter((d) => d.isOverdue)),
  );
}

function cell(tag, { scope, field }, text) {
  const c = document.createElement(tag);
  if (scope) c.scope = scope;
  c.dataset.field = field;
  c.textContent = text;
  return c;
}

function dateCell(date) {
  const c = cell('td', { field: 'nextReviewDue' }, '');
  if (date) {
    const time = document.createElement('time');
    time.dateTime = date;
    time.textContent = formatDate(date);
    c.append(time);
  } else {
    c.textContent = 'None due';
  }
  return c;
}

function statusCell(overdue) {
  const c = cell('td', { field: 'status' }, '');
  const mark = document.createElement('span');
  mark.setAttribute('aria-hidden', 'true');
  mark.textContent = overdue ? '⚠ ' : '✓ ';
  const words = document.createElement(overdue ? 'strong' : 'span');
  words.textContent = overdue ? 'Overdue' : 'On time';
  c.className = overdue ? 'status-overdue' : 'status-ok';
  c.append(mark, words);
  return c;
}

function chairCell(role) {
  const c = cell('td', { field: 'requiredChair' }, role ? roleName(role) : 'None');
  if (role) c.dataset.role = role;
  return c;
}

function deadlinesCell(overdue) {
  const c = cell('td', { field: 'overdueDeadlines' }, '');
  if (!overdue.length) {
    c.textContent = 'None';
    return c;
  }
  const list = document.createElement('ul');
  list.className = 'deadlines';
  for (const d of overdue) {
    const item = document.createElement('li');
    const rule = document.createElement('abbr');
    rule.title = d.rule.summary;
    rule.textContent = d.rule.id;
    item.append(`${kindName(d.kind)}, due ${formatDate(d.dueDate)} (`, rule, ')');
    list.append(item);
  }
  c.append(list);
  return c;
}

/** TEAM_MANAGER -> "Team manager". */
function roleName(role) {
  const words = role.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
const kindName = roleName;

const dateFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
function formatDate(iso) {
  return iso ? dateFormat.format(new Date(`${iso}T00:00:00Z`)) : 'none';
}

function describe(errors) {
  return errors.map((e) => e?.message ?? String(e)).join('; ');
}

function setLive(state, text) {
  ui.live.dataset.state = state;
  ui.live.textContent = text;
}

let announced;
function announce(text) {
  // The live region reads out each change; the connection state comes back after a while.
  clearTimeout(announced);
  ui.live.textContent = `Updated: ${text}`;
  announced = setTimeout(() => {
    if (ui.live.dataset.state === 'live') ui.live.textContent = 'Live: changes appear as they happen';
  }, 8000);
}

function showProblem(text) {
  ui.problem.textContent = text;
  ui.problem.hidden = false;
}

function hideProblem() {
  ui.problem.hidden = true;
}
