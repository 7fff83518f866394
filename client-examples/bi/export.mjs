// Exports every plan's deadlines as they stood on a date, one CSV row per deadline, ids only (no personal fields).
//   CIN_URL=http://localhost:8080 node export.mjs --as-of 2026-03-31 --out plans.csv
// Options: --as-of DATE (default today), --out FILE (default standard output), --status OPEN|CLOSED (default both),
// --page-size N (1-500, default 500), --authority CODE (for a local-profile token; default camden).
// The token is CIN_TOKEN, or in the local profile a BI_ANALYST's from /local/token.
import { createWriteStream, readFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify';
import { COLUMNS, plans, today, token } from './api.mjs';

const USAGE = `usage: node export.mjs [--as-of 2026-03-31] [--out plans.csv] [--status OPEN|CLOSED] [--page-size 500]
                        [--authority camden]   (CIN_URL: the service; CIN_TOKEN: a token, else a local-profile one)`;
let options;
try {
  options = parseArgs({
    options: {
      'as-of': { type: 'string', default: today() },
      out: { type: 'string' },
      status: { type: 'string' },
      'page-size': { type: 'string', default: '500' },
      authority: { type: 'string', default: 'camden' },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (e) {
  fail(`${e.message}\n${USAGE}`);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
const asOf = options['as-of'];
const pageSize = Number(options['page-size']);
if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
  fail('--as-of must be a date such as 2026-03-31');
}
if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500) {
  fail('--page-size must be between 1 and 500 (the service refuses more than 500 a page)');
}
if (options.status && !['OPEN', 'CLOSED'].includes(options.status)) {
  fail('--status must be OPEN or CLOSED');
}

const query = readFileSync(new URL('./plans-as-of.graphql', import.meta.url), 'utf8');
const csv = stringify({ header: true, columns: COLUMNS, cast: { boolean: (b) => (b ? 'true' : 'false') } });
const out = options.out ? createWriteStream(options.out) : process.stdout;
csv.pipe(out);

try {
  const bearer = await token(options.authority);
  let planCount = 0;
  let rowCount = 0;
  for await (const page of plans(bearer, query, { asOf, status: options.status ?? null }, pageSize)) {
    for (const plan of page) {
      // The plan's status on that day: a plan closed since then was still open.
      const status = plan.closedOn && plan.closedOn <= asOf ? 'CLOSED' : 'OPEN';
      for (const d of plan.deadlines) {
        csv.write({
          as_of: asOf,
          plan_id: plan.id,
          authority: plan.authority.code,
          team: plan.child.family.team,
          child_id: plan.child.id,
          plan_status: status,
          deadline_kind: d.kind,
          due_date: d.dueDate,
          deadline_status: d.status,
          overdue: d.isOverdue,
          met_on: d.metOn,
          responsible_role: d.responsibleRole,
          rule_id: d.rule.id,
        });
        rowCount += 1;
      }
    }
    planCount += page.length;
    process.stderr.write(`${planCount} plans, ${rowCount} deadlines\n`);
  }
  csv.end();
  await finished(out === process.stdout ? csv : out);
  process.stderr.write(`as of ${asOf}: ${rowCount} deadlines of ${planCount} plans${options.out ? ` in ${options.out}` : ''}\n`);
} catch (e) {
  fail(e.message);
}

function fail(message) {
  process.stderr.write(`export failed: ${message}\n`);
  process.exit(1);
}
