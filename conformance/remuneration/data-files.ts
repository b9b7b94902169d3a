// Locates the YAML parameter files of conformance/data/ both from the sources and from the compiled dist/ tree.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** tsc does not copy YAML into dist/, so the compiled module looks for the file back in the source tree. */
export function dataFilePath(name: string): string {
  const candidates = [resolve(here, '../data', name), resolve(here, '../../../conformance/data', name)];
  for (const candidate of candidates) if (existsSync(candidate)) return candidate;
  throw new Error(`data file not found: conformance/data/${name} (looked in ${candidates.join(', ')})`);
}

export function readDataFile(name: string): string {
  return readFileSync(dataFilePath(name), 'utf8');
}
