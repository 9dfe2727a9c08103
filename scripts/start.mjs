#!/usr/bin/env node
/**
 * `npm start`: installs what a fresh checkout lacks, then hands over to the launcher, which
 * builds the dashboard if needed and starts it with the local warehouse.
 */
import { spawn } from 'node:child_process';
import { ensureDependencies, root, tsEntryArgs } from './lib/ensure-dependencies.mjs';

ensureDependencies();
const child = spawn(process.execPath, tsEntryArgs('scripts/launcher/main.ts', process.argv.slice(2)), {
  cwd: root,
  stdio: 'inherit',
});
// The launcher handles Ctrl-C itself (the terminal signals the whole process group);
// this process only waits for it and passes its exit code on.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 0)));
