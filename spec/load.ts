// Loads the OpenAPI description of the norm (the bundled spec/openapi.yaml, or a file the user passes, e.g. the official CfaDock one).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, YAMLError } from 'yaml';

/** The spec file could not be read or parsed; `line`/`column` are 1-based when the parser could tell where. */
export class SpecLoadError extends Error {
  override readonly name = 'SpecLoadError';
  readonly file: string;
  readonly line?: number;
  readonly column?: number;

  constructor(file: string, message: string, position?: { line: number; column: number }) {
    super(message);
    this.file = file;
    if (position) {
      this.line = position.line;
      this.column = position.column;
    }
  }
}

export interface LoadedSpec {
  /** Absolute path of the file that was loaded. */
  path: string;
  document: Record<string, unknown>;
}

const SPEC_RELATIVE = join('spec', 'openapi.yaml');

/**
 * Absolute path of the spec shipped with this package. Walks up from this module to the directory holding both
 * package.json and spec/openapi.yaml, so it works from the sources (spec/) and from the build (dist/spec/).
 */
export function bundledSpecPath(from: string = import.meta.url): string {
  const start = from.startsWith('file:') ? fileURLToPath(from) : from;
  let dir = dirname(start);
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, SPEC_RELATIVE))) return join(dir, SPEC_RELATIVE);
    const parent = dirname(dir);
    if (parent === dir) throw new SpecLoadError(SPEC_RELATIVE, `no package directory holding ${SPEC_RELATIVE} above ${start}`);
    dir = parent;
  }
}

/**
 * Reads and parses an OpenAPI file, YAML or JSON (JSON is read by the YAML parser too, which gives line numbers).
 * Throws SpecLoadError when the file is missing, unreadable, unparsable or not a mapping at its root.
 */
export async function loadSpec(file?: string): Promise<LoadedSpec> {
  const path = file === undefined ? bundledSpecPath() : resolve(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : (error as Error).message;
    throw new SpecLoadError(path, `cannot read ${path}: ${reason}`);
  }

  // uniqueKeys (the default) makes a duplicated key an error: the official file must not silently lose an operation.
  const parsed = parseDocument(text, { prettyErrors: true });
  const first = parsed.errors[0];
  if (first) throw new SpecLoadError(path, `cannot parse ${path}: ${firstLine(first)}`, positionOf(first));

  let document: unknown;
  try {
    document = parsed.toJS({ maxAliasCount: 10_000 });
  } catch (error) {
    throw new SpecLoadError(path, `cannot parse ${path}: ${(error as Error).message}`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new SpecLoadError(path, `${path} is not an OpenAPI document: its root is not a mapping`);
  }
  return { path, document: document as Record<string, unknown> };
}

function positionOf(error: YAMLError): { line: number; column: number } | undefined {
  const start = error.linePos?.[0];
  return start ? { line: start.line, column: start.col } : undefined;
}

/** The parser's message without the source excerpt that prettyErrors appends. */
function firstLine(error: YAMLError): string {
  return error.message.split('\n')[0] ?? error.message;
}
