// Subscribes to a plan's deadline changes over WebSocket (graphql-ws, graphql-transport-ws), records a meeting over
// HTTP, prints the change; then resumes with after: and checks that nothing is missed or repeated.
//   CIN_URL=http://localhost:8080 node subscribe.mjs
// Against the local profile it asks /local/token for a camden team manager's token; elsewhere give one in CIN_TOKEN.
// Exits 0 once every change has arrived, 1 if one has not within EVENT_TIMEOUT seconds (10). See scenario.mjs.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { base, run, SUBSCRIPTION, token } from './scenario.mjs';

const bearer = await token('live-example');

// Over a WebSocket the token goes in connection_init.
const client = createClient({
  url: `${base.replace(/^http/, 'ws')}/graphql`,
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: `Bearer ${bearer}` },
});

await run({
  name: 'WebSocket',
  subscribe(variables) {
    const events = client.iterate({ query: SUBSCRIPTION, variables });
    // graphql-transport-ws does not acknowledge a subscription: give the service a moment to start listening.
    const opened = new Promise((resolve) => { setTimeout(resolve, 500); });
    return { events, opened, close: () => events.return() };
  },
}, bearer);
await client.dispose();
process.exit(0);
