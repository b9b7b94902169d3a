// `convergence lint`: placeholder until its owner fills it in.
import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { ExitError } from '../io.js';

export function registerLint(program: Command, _ctx: CommandContext): void {
  program
    .command('lint')
    .description('not implemented yet')
    .action(() => {
      throw new ExitError('lint is not implemented yet');
    });
}
