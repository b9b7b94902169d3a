#!/usr/bin/env node
// Entry point of the `convergence` CLI: runs the compiled CLI (built by `npm ci` through the prepare script).
import { main } from '../dist/cli/main.js';

// A reader that closes the pipe early (`convergence generate … | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const code = await main(process.argv);
process.exitCode = code;
// Every command is finished when main returns (the mock returns on SIGINT/SIGTERM): idle keep-alive sockets of the
// suite's HTTP client must not hold the process for seconds. Flush both streams, then exit.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
