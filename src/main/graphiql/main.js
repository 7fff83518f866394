// GraphiQL for the local profile, bundled with everything it needs (build.mjs): nothing is loaded from the network.
// As Spring for GraphQL's own page: the query editor, the docs explorer, the query builder (plugin-explorer) and
// history; queries over HTTP and subscriptions over graphql-ws, both at /graphql on this page's origin. The token
// goes in the headers pane, {"Authorization": "Bearer <token>"}; for subscriptions it is sent in connection_init.
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { parse } from 'graphql';
import { explorerPlugin } from '@graphiql/plugin-explorer';

// Monaco's workers, built beside this file (build.mjs), from this page's own origin.
const workers = new URL('./', import.meta.url);
globalThis.MonacoEnvironment = {
  getWorker(_id, label) {
    const name = label === 'json' ? 'json.worker.js' : label === 'graphql' ? 'graphql.worker.js' : 'editor.worker.js';
    return new Worker(new URL(name, workers));
  },
};

const url = new URL('/graphql', location.href);
const subscriptionUrl = new URL('/graphql', location.href);
subscriptionUrl.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
const toolkitFetcher = createGraphiQLFetcher({ url: url.href, subscriptionUrl: subscriptionUrl.href });

// The toolkit picks WebSocket or HTTP from the editor's parsed document, which lags the text by a 100 ms debounce:
// a subscription typed and run at once went over HTTP and was refused. The text being sent decides instead.
function fetcher(params, options) {
  let documentAST = options?.documentAST;
  try {
    documentAST = parse(params.query);
  } catch {
    // Not parseable: the server answers with the parse error, whichever way it goes.
  }
  return toolkitFetcher(params, { ...options, documentAST });
}

function App() {
  return React.createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: true,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: true,
    initialHeaders: '{\n  "Authorization": "Bearer <token from POST /local/token>"\n}',
    plugins: [HISTORY_PLUGIN, explorerPlugin()],
  });
}

createRoot(document.getElementById('graphiql')).render(React.createElement(App));
