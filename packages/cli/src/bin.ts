#!/usr/bin/env node
import { run } from './program.ts';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // `lvzhi log | head`: the reader went away; stop quietly.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2));
