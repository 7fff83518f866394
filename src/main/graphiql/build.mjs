// Bundles GraphiQL and everything it loads (React, Monaco and its workers, graphql-ws, the styles and fonts) into
// one folder the jar serves at /graphiql in the local profile (uk.cin.graphiql), so that the page works on a
// machine with no internet. Run by Maven (generate-resources, pom.xml):
//   node build.mjs <output folder>
// It installs the locked dependencies first (npm ci) when node_modules does not match package-lock.json, and
// rebuilds only when an input is newer than the output.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, '../../../target/classes/graphiql'));
const assets = join(out, 'assets');

const lock = join(here, 'package-lock.json');
const installed = join(here, 'node_modules/.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: here, stdio: 'inherit' });
}

const inputs = ['main.js', 'index.html', 'build.mjs', 'package-lock.json'].map((f) => join(here, f));
const outputs = ['index.html', 'assets/graphiql.js', 'assets/graphiql.css', 'assets/editor.worker.js',
  'assets/json.worker.js', 'assets/graphql.worker.js'].map((f) => join(out, f));
const newestInput = Math.max(...inputs.map((f) => statSync(f).mtimeMs));
if (outputs.every((f) => existsSync(f) && statSync(f).mtimeMs >= newestInput)) {
  process.exit(0);
}

const { build } = await import('esbuild');
const common = {
  absWorkingDir: here,
  bundle: true,
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  target: 'es2022',
};
mkdirSync(assets, { recursive: true });
await build({
  ...common,
  entryPoints: { graphiql: 'main.js' },
  outdir: assets,
  format: 'esm',
  // graphql-ws is loaded on the first subscription (a dynamic import): kept in the bundle, not split out.
  splitting: false,
  loader: { '.ttf': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl' },
});
await build({
  ...common,
  entryPoints: {
    'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  },
  outdir: assets,
  format: 'iife',
});
copyFileSync(join(here, 'index.html'), join(out, 'index.html'));
const size = (f) => `${Math.round(readFileSync(f).length / 1024)} KB`;
console.log(`GraphiQL built into ${out}: ${outputs.slice(1).map((f) => `${f.split('/').pop()} ${size(f)}`).join(', ')}`);
