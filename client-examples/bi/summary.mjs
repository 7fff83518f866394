// Exports the caseload counts per team as they stood on a date, one CSV row per team (no personal fields), counted
// by the service in one query: no plan is fetched.
//   CIN_URL=http://localhost:8080 node summary.mjs --as-of 2026-03-31 --out teams.csv
// Options: --as-of DATE (default today), --out FILE (default standard output), --authority CODE (local profile).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { graphql, today, token } from './api.mjs';

const USAGE = 'usage: node summary.mjs [--as-of 2026-03-31] [--out teams.csv] [--authority camden]';
let options;
try {
  options = parseArgs({
    options: {
      'as-of': { type: 'string', default: today() },
      out: { type: 'string' },
      authority: { type: 'string', default: 'camden' },
    },
  }).values;
} catch (e) {
  console.error(`${e.message}\n${USAGE}`);
  process.exit(2);
}
const asOf = options['as-of'];
if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
  console.error('--as-of must be a date such as 2026-03-31');
  process.exit(2);
}
try {
  const bearer = await token(options.authority);
  const query = readFileSync(new URL('./summary-as-of.graphql', import.meta.url), 'utf8');
  const summary = (await graphql(bearer, query, { asOf })).caseloadSummary;
  const rows = summary.groups.map((g) => [summary.asOf, g.team, g.counts.openPlans, g.counts.overduePlans,
    g.counts.reviewsDueIn7Days, g.counts.reviewsDueIn28Days]);
  const csv = stringify(rows, {
    header: true,
    columns: ['as_of', 'team', 'open_plans', 'overdue_plans', 'reviews_due_in_7_days', 'reviews_due_in_28_days'],
  });
  if (options.out) {
    writeFileSync(options.out, csv);
    console.error(`${rows.length} teams as of ${asOf} written to ${options.out}`);
  } else {
    process.stdout.write(csv);
  }
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
