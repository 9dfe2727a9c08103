import { describe, expect, it } from 'vitest';
import { dropCopyGrants } from './copy-grants';

describe('dropCopyGrants', () => {
  it('drops COPY GRANTS from CREATE statements', () => {
    expect(dropCopyGrants('CREATE OR REPLACE TABLE T COPY GRANTS AS SELECT 1')).toBe('CREATE OR REPLACE TABLE T  AS SELECT 1');
    expect(dropCopyGrants('CREATE OR REPLACE TABLE T (A INT) COPY GRANTS')).toBe('CREATE OR REPLACE TABLE T (A INT) ');
  });

  it('leaves other statements alone', () => {
    expect(dropCopyGrants('SELECT COPY GRANTS FROM T')).toBe('SELECT COPY GRANTS FROM T');
  });
});
