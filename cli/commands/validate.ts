// `convergence validate`: placeholder until its owner fills it in.
import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { ExitError } from '../io.js';

export function registerValidate(program: Command, _ctx: CommandContext): void {
  program
    .command('validate')
    .description('not implemented yet')
    .action(() => {
      throw new ExitError('validate is not implemented yet');
    });
}
