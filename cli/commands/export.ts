// `convergence export postman`: writes a Postman v2.1 collection of the norm and an environment for the mock.
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { parse } from 'yaml';
import type { CommandContext } from '../main.js';
import { EXIT, ExitError } from '../io.js';
import { packageVersion } from '../../conformance/engine/package-root.js';
import { bundledSpecPath } from '../../spec/load.js';
import { bundledProfiles, DEFAULT_OPCO } from '../../mocks/profiles.js';
import { loadEngine } from '../../mocks/http/engine-table.js';

interface PostmanCommandOptions {
  opco: string;
  out: string;
  mockUrl: string;
}

export interface PostmanFiles {
  collection: string;
  environment: string;
}

/** The collection and environment of one profile, written under `out`; returns the two paths. */
export async function exportPostman(options: PostmanCommandOptions, cwd: string): Promise<PostmanFiles> {
  const profile = bundledProfiles().get(options.opco);
  if (!profile) throw new ExitError(`unknown OPCO profile "${options.opco}" (one of: ${[...bundledProfiles().keys()].join(', ')})`);
  let url: URL;
  try {
    url = new URL(options.mockUrl);
  } catch {
    throw new ExitError(`--mock-url: not a URL: ${options.mockUrl}`);
  }
  const { buildPostman, operationsOf } = await import('./export-postman.js');
  const spec = parse(await readFile(bundledSpecPath(), 'utf8')) as Record<string, any>;
  const engine = await loadEngine();
  const operations = operationsOf(spec, profile, (key) => engine[key]?.capability);
  const built = buildPostman({ spec, profile, operations, mockUrl: url.href, version: packageVersion() });
  const dir = resolve(cwd, options.out);
  const suffix = profile.id === DEFAULT_OPCO ? '' : `-${profile.id}`;
  const files = {
    collection: join(dir, `convergence${suffix}.postman_collection.json`),
    environment: join(dir, `convergence-mock${suffix}.postman_environment.json`),
  };
  try {
    mkdirSync(dir, { recursive: true });
    for (const [file, json] of [[files.collection, built.collection], [files.environment, built.environment]] as const) {
      writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
    }
  } catch (error) {
    throw new ExitError(`cannot write to ${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return files;
}

export function registerExport(program: Command, ctx: CommandContext): void {
  const exportCommand = program.command('export').summary('export the norm for other tools (a Postman collection)');
  exportCommand
    .command('postman')
    .summary('write a Postman v2.1 collection of the norm and an environment for the mock')
    .description(
      'Write a Postman v2.1 collection generated from the bundled spec and mocks/examples/: every operation the ' +
        'OPCO profile offers (v2 then v1), in the order of one dossier\'s story (deposit, reads, convention, invoice, ' +
        'certificat, rupture), with the EDITEUR / LOGICIEL / VERSION headers, the X-API-KEY and the base URL as ' +
        'collection variables, the OAuth2 token step for profiles that require it, and a status-code test on every ' +
        'request. Steps named "Mock: …" reset and move the mock\'s clock; they are skipped when adminToken is empty. ' +
        'Also writes an environment file for `convergence mock` (demo key, admin token, OAuth2 client).\n\n' +
        'Exit codes: 0 written, 2 unknown profile or unwritable folder.',
    )
    .option('--opco <id>', 'OPCO profile the collection follows (mocks/profiles.yaml)', DEFAULT_OPCO)
    .option('-o, --out <dir>', 'folder to write the two files to', 'convergence-postman')
    .option('--mock-url <url>', "the mock's root URL in the environment file", 'http://127.0.0.1:4010')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  convergence export postman                      writes convergence-postman/*.json\n' +
        '  convergence export postman --opco akto          the OAuth2 flow, AKTO\'s operations\n' +
        '  npx newman run convergence-postman/convergence.postman_collection.json -e convergence-postman/convergence-mock.postman_environment.json\n',
    )
    .action(async (options: PostmanCommandOptions) => {
      const files = await exportPostman(options, ctx.io.cwd);
      for (const file of [files.collection, files.environment]) ctx.io.stdout.write(`wrote ${relative(ctx.io.cwd, file) || file}\n`);
      ctx.setExit(EXIT.conformant);
    });
}
