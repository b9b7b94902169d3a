// The `convergence` command line: maps argv to the commands, and errors to the exit-code contract.
import { Command, CommanderError } from 'commander';
import { EXIT, ExitError, defaultIO, type CliIO, type ExitCode } from './io.js';
import { packageVersion } from '../conformance/engine/package-root.js';

/** A command sets the exit code through this holder; `main` returns it. */
export interface CommandContext {
  io: CliIO;
  setExit(code: ExitCode): void;
}

type Register = (program: Command, ctx: CommandContext) => void;

/**
 * Commands are loaded on demand: the mock's and the catalogue's modules weigh ~150 MB and a second of start-up,
 * which `lint` or `generate` should not pay for.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  lint: async () => (await import('./commands/lint.js')).registerLint,
  validate: async () => (await import('./commands/validate.js')).registerValidate,
  generate: async () => (await import('./commands/generate.js')).registerGenerate,
  mock: async () => (await import('./commands/mock.js')).registerMock,
  test: async () => (await import('./commands/test.js')).registerTest,
  export: async () => (await import('./commands/export.js')).registerExport,
  verify: async () => (await import('./commands/verify.js')).registerVerify,
};

export async function buildProgram(ctx: CommandContext, argv: string[] = []): Promise<Command> {
  const program = new Command('convergence')
    .description("Test bench for the norme d'échange API CFA / OPCO (API Convergence)")
    // The one source of the version is package.json (not npm_package_version, which is the calling project's).
    .version(packageVersion())
    // Program options only before the command: `test cfa --version v2` is the protocol version, not the tool's.
    .enablePositionalOptions()
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
    });
  const requested = argv[2];
  const names = requested !== undefined && requested in COMMANDS ? [requested] : Object.keys(COMMANDS);
  for (const name of names) {
    const register = await COMMANDS[name]!();
    register(program, ctx);
  }
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

export async function main(argv: string[], io: CliIO = defaultIO()): Promise<ExitCode> {
  let exit: ExitCode = EXIT.conformant;
  const ctx: CommandContext = { io, setExit: (code) => (exit = code) };
  try {
    const program = await buildProgram(ctx, argv);
    if (argv.length <= 2) {
      program.outputHelp();
      return EXIT.conformant;
    }
    await program.parseAsync(argv);
    return exit;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version are not errors; every other parse failure is an input error.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return EXIT.conformant;
      }
      return EXIT.toolError;
    }
    if (error instanceof ExitError) {
      io.stderr.write(`convergence: ${error.message}\n`);
      return error.code;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`convergence: internal error: ${message}\n`);
    return EXIT.toolError;
  }
}
