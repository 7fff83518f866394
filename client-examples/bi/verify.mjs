// Checks an export against the service: the header, at least one row, and as many rows for each plan as a separate
// query counts deadlines (100 plans a page, so paging differs from the export's).
//   CIN_URL=http://localhost:8080 node verify.mjs --as-of 2026-03-31 plans.csv
// Give the same --as-of, --status and --authority as the export. Exits 1 on any difference.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { COLUMNS, plans, today, token } from './api.mjs';

const COUNT = `query CountDeadlines($asOf: Date!, $first: Int, $after: String, $status: PlanStatus) {
  plans(filter: {status: $status}, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id deadlines(asOf: $asOf, includeMet: true) { kind } } }
  }
}`;

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'as-of': { type: 'string', default: today() },
    status: { type: 'string' },
    authority: { type: 'string', default: 'camden' },
  },
});
if (positionals.length !== 1) {
  fail('usage: node verify.mjs [--as-of DATE] [--status OPEN|CLOSED] [--authority CODE] plans.csv');
}

try {
  const [header, ...rows] = parse(readFileSync(positionals[0]), { relax_column_count: false });
  if (JSON.stringify(header) !== JSON.stringify(COLUMNS)) {
    fail(`the header is ${JSON.stringify(header)}, not ${JSON.stringify(COLUMNS)}`);
  }
  if (rows.length === 0) {
    fail('the export has no rows');
  }
  const exported = new Map();
  for (const row of rows) {
    const record = Object.fromEntries(COLUMNS.map((c, i) => [c, row[i]]));
    if (record.as_of !== options['as-of']) {
      fail(`a row is as of ${record.as_of}, not ${options['as-of']}`);
    }
    exported.set(record.plan_id, (exported.get(record.plan_id) ?? 0) + 1);
  }

  const bearer = await token(options.authority);
  const counted = new Map();
  for await (const page of plans(bearer, COUNT, { asOf: options['as-of'], status: options.status ?? null }, 100)) {
    for (const plan of page) {
      if (plan.deadlines.length > 0) {
        counted.set(plan.id, plan.deadlines.length);
      }
    }
  }
  const total = [...counted.values()].reduce((a, b) => a + b, 0);
  const differing = [...new Set([...exported.keys(), ...counted.keys()])]
    .filter((id) => exported.get(id) !== counted.get(id));
  if (rows.length !== total || differing.length) {
    fail(`${rows.length} rows, but the service counts ${total} deadlines; ${differing.length} plans differ`);
  }
  console.log(`ok: header as expected, ${rows.length} rows = ${total} deadlines counted by the service,`
    + ` over ${counted.size} plans`);
} catch (e) {
  fail(e.message);
}

function fail(message) {
  console.error(`verify failed: ${message}`);
  process.exit(1);
}
