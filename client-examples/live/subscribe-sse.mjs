// Subscribes to a plan's deadline changes over Server-Sent Events (graphql-sse, which reads the stream with fetch),
// records a meeting, prints the change; then resumes with after: and checks that nothing is missed or repeated.
//   CIN_URL=http://localhost:8080 node subscribe-sse.mjs
// Against the local profile it asks /local/token for a camden team manager's token; elsewhere give one in CIN_TOKEN.
// Exits 0 once every change has arrived, 1 if one has not within EVENT_TIMEOUT seconds (10). See scenario.mjs.
import { createClient } from 'graphql-sse';
import { base, run, SUBSCRIPTION, token } from './scenario.mjs';

const bearer = await token('live-example-sse');

// Over SSE the token goes in the Authorization header of the POST that opens the stream. Distinct connections mode
// (graphql-sse's default): one POST /graphql with Accept: text/event-stream a subscription. No retries, so that a
// failure shows at once rather than after graphql-sse's backoff.
const client = createClient({
  url: `${base}/graphql`,
  headers: { authorization: `Bearer ${bearer}` },
  retryAttempts: 0,
});

await run({
  name: 'SSE',
  subscribe(variables) {
    let opened;
    const open = new Promise((resolve) => { opened = resolve; });
    // graphql-sse says "connected" once fetch has the response: the service sends it once the subscription
    // listens, so a change made from then on is heard.
    const events = client.iterate({ query: SUBSCRIPTION, variables }, { connected: () => opened() });
    return { events, opened: open, close: () => events.return() };
  },
}, bearer);
client.dispose();
process.exit(0);
