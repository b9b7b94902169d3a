// The console's page and static files: its own scripts and style (mocks/console/assets/), Preact and htm from node_modules.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { mocksAsset } from '../profiles.js';

const require = createRequire(import.meta.url);

/** No inline script or style, nothing from elsewhere: the page runs only the console's own files. */
export const PAGE_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', mjs: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

interface AssetFile {
  type: string;
  body: string;
}

/**
 * The UI library, served as the packages ship it (ESM builds, no bundler): `preact/hooks` imports the bare
 * specifier `preact`, which a browser cannot resolve without an import map, so it is pointed at the served file.
 */
function vendor(): Map<string, AssetFile> {
  const js = (path: string) => ({ type: TYPES.js!, body: readFileSync(path, 'utf8') });
  const hooks = js(require.resolve('preact/hooks'));
  return new Map([
    ['preact.mjs', js(require.resolve('preact'))],
    ['hooks.mjs', { ...hooks, body: hooks.body.replace(/from\s*["']preact["']/g, 'from"./preact.mjs"') }],
    ['htm.mjs', js(join(dirname(require.resolve('htm')), 'htm.mjs'))],
  ]);
}

function own(): Map<string, AssetFile> {
  const dir = mocksAsset('console/assets');
  const files = new Map<string, AssetFile>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[name.split('.').pop() ?? ''];
    if (type && !name.startsWith('.')) files.set(name, { type, body: readFileSync(join(dir, name), 'utf8') });
  }
  return files;
}

let cache: { assets: Map<string, AssetFile>; vendor: Map<string, AssetFile> } | undefined;

/** A served file by folder and name; undefined when there is none (names are never paths). */
export function assetFile(folder: 'assets' | 'vendor', name: string): AssetFile | undefined {
  cache ??= { assets: own(), vendor: vendor() };
  return cache[folder].get(name);
}

/** The page: a shell the script fills; French, for CFA and OPCO staff. */
export function page(): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Console du bouchon OPCO</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/_console/assets/console.css">
<script type="module" src="/_console/assets/console.js"></script>
</head>
<body>
<div id="app"><p class="chargement">Chargement de la console…</p></div>
<noscript>La console a besoin de JavaScript.</noscript>
</body>
</html>
`;
}
