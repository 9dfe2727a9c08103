/**
 * Warehouse data (results, logs, errors, names) reaches the pages as text and React escapes it.
 * The ways around that are kept out of the browser code altogether, so none can be added for
 * one harmless string and later carry a hostile one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const RAW_HTML = /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\s*=|insertAdjacentHTML|document\.write/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') ? [full] : [];
  });
}

describe('the browser code', () => {
  it('never writes HTML from strings', () => {
    const files = ['app', 'components', 'lib/hooks', 'lib/queries'].flatMap((dir) => sources(path.join(root, dir)));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((file) => RAW_HTML.test(fs.readFileSync(file, 'utf8'))).map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });
});
