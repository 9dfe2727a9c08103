/**
 * Decides whether the dashboard's production build is stale: a build is reused only when it is
 * newer than every source file that goes into it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SOURCE_DIRS = ['app', 'components', 'lib', 'public'];
const SOURCE_FILES = ['next.config.ts', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json', 'instrumentation.ts', 'proxy.ts'];
const SKIP = new Set(['node_modules', '.next', 'local-warehouse']);

function newestIn(dir: string): number {
  let newest = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestIn(full) : fs.statSync(full).mtimeMs;
    newest = Math.max(newest, time);
  }
  return newest;
}

export function newestSourceTime(root: string): number {
  const dirs = SOURCE_DIRS.map((dir) => newestIn(path.join(root, dir)));
  const files = SOURCE_FILES.map((file) => {
    try {
      return fs.statSync(path.join(root, file)).mtimeMs;
    } catch {
      return 0;
    }
  });
  return Math.max(0, ...dirs, ...files);
}

export function buildIsStale(root: string): boolean {
  let built: number;
  try {
    built = fs.statSync(path.join(root, '.next', 'BUILD_ID')).mtimeMs;
  } catch {
    return true;
  }
  return newestSourceTime(root) > built;
}

/** Runs `next build` when the build is stale; false when the build failed (its output says why). */
export function buildIfStale(root: string, env: NodeJS.ProcessEnv): boolean {
  if (!buildIsStale(root)) return true;
  console.log('flurry: building the dashboard (next build) …');
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], { cwd: root, env, stdio: 'inherit' });
  return build.status === 0;
}
