import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIsStale } from './build';

let root: string;

function touch(file: string, secondsAgo: number): void {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, '');
  const time = Date.now() / 1000 - secondsAgo;
  utimesSync(full, time, time);
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'flurry-build-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('buildIsStale', () => {
  it('is stale when there is no build', () => {
    touch('app/page.tsx', 100);
    expect(buildIsStale(root)).toBe(true);
  });

  it('reuses a build newer than every source', () => {
    touch('app/page.tsx', 100);
    touch('lib/domain/status.ts', 90);
    touch('.next/BUILD_ID', 10);
    expect(buildIsStale(root)).toBe(false);
  });

  it('is stale when a source changed after the build, however deep', () => {
    touch('.next/BUILD_ID', 10);
    touch('components/ui/deep/button.tsx', 1);
    expect(buildIsStale(root)).toBe(true);
  });

  it('ignores the local warehouse, which the dashboard build does not contain', () => {
    touch('.next/BUILD_ID', 10);
    touch('lib/local-warehouse/engine/engine.ts', 1);
    expect(buildIsStale(root)).toBe(false);
  });
});
