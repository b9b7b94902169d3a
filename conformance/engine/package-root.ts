// Where the package is installed: the YAML data and package.json are read from there, from the sources or from dist/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The directory holding package.json above `from` (works from the sources and from dist/). */
export function packageRoot(from: string = import.meta.url): string {
  let dir = dirname(from.startsWith('file:') ? fileURLToPath(from) : from);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
}

let version: string | undefined;

/** The package's version (package.json), for the reports' `tool`; `0.0.0` when it cannot be read. Read once. */
export function packageVersion(): string {
  if (version === undefined) {
    try {
      version = (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: unknown }).version as string | undefined;
    } catch {
      // An unreadable package.json only costs the version shown in reports.
    }
    if (typeof version !== 'string') version = '0.0.0';
  }
  return version;
}
