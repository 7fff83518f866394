// The service's GraphQL endpoint and a token: what export.mjs and verify.mjs share.
import { randomUUID } from 'node:crypto';

/** The CSV's columns, one row per deadline: ids and codes only, no personal fields. */
export const COLUMNS = ['as_of', 'plan_id', 'authority', 'team', 'child_id', 'plan_status', 'deadline_kind', 'due_date',
  'deadline_status', 'overdue', 'met_on', 'responsible_role', 'rule_id'];

export const base = process.env.CIN_URL ?? 'http://localhost:8080';

/** CIN_TOKEN, or in the local profile a BI_ANALYST's token for the authority from /local/token. */
export async function token(authority) {
  if (process.env.CIN_TOKEN) {
    return process.env.CIN_TOKEN;
  }
  const response = await fetch(`${base}/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ authority, teams: ['bi'], role: 'BI_ANALYST', subject: 'bi-export' }),
  });
  if (!response.ok) {
    throw new Error(`${base}/local/token answered HTTP ${response.status}: give a token in CIN_TOKEN outside the local profile`);
  }
  return (await response.json()).token;
}

/** One operation; throws with the service's error messages (which never quote data) when it has errors. */
export async function graphql(bearer, query, variables) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${bearer}`,
      'content-type': 'application/json',
      // Optional: lets a gateway or proxy in front of the service log each page under an id of ours.
      'x-request-id': randomUUID(),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json().catch(() => null);
  if (body?.errors?.length) {
    const codes = body.errors.map((e) => `${e.extensions?.code ?? e.extensions?.classification ?? 'ERROR'}: ${e.message}`);
    throw new Error(`the service answered with errors: ${codes.join('; ')}`);
  }
  if (!response.ok || !body?.data) {
    throw new Error(`the service answered HTTP ${response.status}`);
  }
  return body.data;
}

/** Every plan of the query, page by page: first/after until hasNextPage is false. */
export async function* plans(bearer, query, variables, pageSize) {
  let after = null;
  do {
    const page = (await graphql(bearer, query, { ...variables, first: pageSize, after })).plans;
    yield page.edges.map((edge) => edge.node);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
}

/** Today where the service counts days (Europe/London unless CIN_ZONE says otherwise). */
export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: process.env.CIN_ZONE ?? 'Europe/London' }).format(new Date());
}
