// Where the page finds the service: '' is this page's own origin (server.mjs passes /graphql and /local/token on).
// server.mjs in direct mode (CIN_DIRECT=1) serves this file with the service's own URL instead, and the page calls
// the service cross-origin: the service must list this page's origin in cin.cors.allowed-origins.
export const apiUrl = '';
