// Serves the caseload page and proxies the API, so the browser talks to one origin (no CORS, one WebSocket URL).
//   CIN_URL=http://localhost:8080 PORT=5173 node server.mjs
// Static files come from public/, the browser build of graphql-ws from node_modules; /graphql (HTTP and WebSocket)
// and /local/token go to CIN_URL. Nothing of a request is logged: bodies and answers carry children's records.
// Direct mode (CIN_DIRECT=1) serves the static files only: the page calls CIN_URL itself, cross-origin, which works
// where the service lists this server's origin in cin.cors.allowed-origins (e.g. http://127.0.0.1:5173).
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { createProxyServer } from 'http-proxy-3';
import sirv from 'sirv';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Starts the server; resolves to the http.Server once it listens (port 0 picks a free port). */
export function start({ port = 5173, host = '127.0.0.1', cinUrl = 'http://localhost:8080', direct = false } = {}) {
  const proxy = createProxyServer({ target: cinUrl, changeOrigin: true, ws: true });
  // The service is the real origin of every answer: the browser's Origin would name this server instead.
  proxy.on('proxyReq', (req) => req.removeHeader('origin'));
  proxy.on('proxyReqWs', (req) => req.removeHeader('origin'));
  proxy.on('error', (err, req, res) => {
    // The service is down or unreachable: say so, without detail of the request.
    if (res && typeof res.writeHead === 'function' && !res.headersSent) {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'The CIN service cannot be reached', extensions: { code: 'BAD_GATEWAY' } }] }));
    } else if (res && typeof res.destroy === 'function') {
      res.destroy();
    }
  });

  const page = sirv(here('./public'), { dev: true });
  const vendor = sirv(here('./node_modules/graphql-ws/dist'), { dev: true });
  const proxied = (url) => !direct && (url === '/graphql' || url.startsWith('/graphql?') || url === '/local/token');
  // Where the page finds the service (public/config.mjs): its own origin, or in direct mode the service's.
  const config = `export const apiUrl = ${JSON.stringify(direct ? cinUrl.replace(/\/+$/, '') : '')};\n`;

  const server = http.createServer((req, res) => {
    if (req.url === '/config.mjs' || req.url.startsWith('/config.mjs?')) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(config);
    } else if (proxied(req.url)) {
      proxy.web(req, res);
    } else if (req.url.startsWith('/vendor/graphql-ws/')) {
      req.url = req.url.slice('/vendor/graphql-ws'.length);
      vendor(req, res, () => notFound(res));
    } else {
      page(req, res, () => notFound(res));
    }
  });
  server.on('upgrade', (req, socket, head) => {
    if (proxied(req.url)) {
      proxy.ws(req, socket, head);
    } else {
      socket.destroy();
    }
  });
  server.on('close', () => proxy.close());
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('Not found');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cinUrl = process.env.CIN_URL ?? 'http://localhost:8080';
  const direct = ['1', 'true'].includes(process.env.CIN_DIRECT ?? '');
  const server = await start({ port: Number(process.env.PORT ?? 5173), host: process.env.HOST ?? '127.0.0.1', cinUrl,
    direct });
  const { address, port } = server.address();
  console.log(`caseload page on http://${address}:${port}/ (API: ${cinUrl}${direct ? ', called cross-origin' : ''})`);
  // Open WebSockets would hold close() up: leave at once.
  process.on('SIGINT', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
}
