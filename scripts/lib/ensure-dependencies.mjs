/**
 * Makes a fresh checkout runnable: installs node_modules when they are missing or older than
 * package-lock.json. Plain JavaScript with no dependencies, because it runs before they exist.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

export function ensureDependencies() {
  const installed = mtime(path.join(root, 'node_modules', '.package-lock.json'));
  const wanted = Math.max(mtime(path.join(root, 'package-lock.json')), mtime(path.join(root, 'package.json')));
  if (installed >= wanted) return;
  // `npm install`, not `npm ci`: it installs the versions package-lock.json pins, but tolerates
  // a lock file that lacks other platforms' native packages (a registry mirror may not hold them).
  console.log('flurry: installing dependencies (npm install) …');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('flurry: npm install failed; see the output above.');
    process.exit(result.status ?? 1);
  }
}

/** Runs a TypeScript entry point of this project with the server condition and tsx. */
export function tsEntryArgs(entry, args = []) {
  return ['--conditions=react-server', '--import', 'tsx', path.join(root, entry), ...args];
}
