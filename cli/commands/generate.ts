// `convergence generate`: placeholder until its owner fills it in.
import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { ExitError } from '../io.js';

export function registerGenerate(program: Command, _ctx: CommandContext): void {
  program
    .command('generate')
    .description('not implemented yet')
    .action(() => {
      throw new ExitError('generate is not implemented yet');
    });
}
