/**
 * Calls the dashboard's server actions over HTTP as the browser does: a POST carrying the
 * action's id in `Next-Action` and its arguments as JSON, with the page's Origin (Next refuses
 * a cross-origin action). The id comes from the build's manifest; the answer is React's flight
 * format, whose row 1 is the action's return value.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ActionResult } from '../../lib/actions/action-result';

const root = path.resolve(import.meta.dirname, '..', '..');

interface ManifestEntry {
  filename: string;
  exportedName: string;
}

/** The id `next build` gave the action `exportedName` of `file` (e.g. lib/actions/launch-batch.ts). */
export function actionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, ManifestEntry>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === exportedName);
  if (!found) throw new Error(`the build has no server action ${exportedName} in ${file}; is .next current?`);
  return found[0];
}

/** Posts one action call from `pagePath` and returns its result; throws naming what went wrong. */
export async function callAction<T>(baseUrl: string, pagePath: string, id: string, args: unknown[]): Promise<ActionResult<T>> {
  const response = await fetch(`${baseUrl}${pagePath}`, {
    method: 'POST',
    headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', Origin: baseUrl, Accept: 'text/x-component' },
    body: JSON.stringify(args),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  const row = text.split('\n').find((line) => line.startsWith('1:'));
  if (!response.ok || !row) throw new Error(`the action answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(row.slice(2)) as ActionResult<T>;
}
