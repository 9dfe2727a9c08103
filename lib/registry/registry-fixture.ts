/**
 * Test support for registry tests: a registry in a fresh directory, and its removal. Tests may
 * close it and open another on the same directory; the one to remove is whichever is open last.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registryFile } from './index';
import { Registry } from './registry';

export async function openTempRegistry(): Promise<{ dir: string; registry: Registry }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flurry-registry-'));
  return { dir, registry: await Registry.open(registryFile(dir)) };
}

export function removeTempRegistry(dir: string, registry: Registry): void {
  registry.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
