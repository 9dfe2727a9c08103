import { describe, expect, it } from 'vitest';
import { DEFAULT_NEXT_PATH, safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps a path on this dashboard, with its query and fragment', () => {
    expect(safeNextPath('/jobs?phase=failed&q=a%20b')).toBe('/jobs?phase=failed&q=a%20b');
    expect(safeNextPath('/tasks/FLURRY.PUBLIC.ROOT#run')).toBe('/tasks/FLURRY.PUBLIC.ROOT#run');
    expect(safeNextPath('/jobs/../launch')).toBe('/launch');
  });

  it('sends anything that could leave the dashboard to the Jobs page', () => {
    for (const hostile of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/..//evil.example',
      '/.//evil.example',
      '/%2e%2e//evil.example',
      'javascript:alert(1)',
      'jobs',
      '',
      '/sign-in?next=/jobs',
      `/${'a'.repeat(3_000)}`,
    ]) {
      expect(safeNextPath(hostile), hostile).toBe(DEFAULT_NEXT_PATH);
    }
    expect(safeNextPath(undefined)).toBe(DEFAULT_NEXT_PATH);
    expect(safeNextPath(['/jobs'])).toBe(DEFAULT_NEXT_PATH);
  });
});
