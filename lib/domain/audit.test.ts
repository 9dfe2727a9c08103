import { describe, expect, it } from 'vitest';
import { AUDIT_FIELD_LIMITS, boundAuditRecord, truncateText, type AuditRecord } from './audit';

describe('truncateText', () => {
  it('leaves text within the limit alone', () => {
    expect(truncateText('SELECT 1', 8)).toBe('SELECT 1');
  });

  it('cuts to exactly the limit, saying how long the text was', () => {
    const cut = truncateText('x'.repeat(12_345), 100);
    expect(cut).toHaveLength(100);
    expect(cut).toMatch(/^x+… \[truncated: 12,345 characters in all\]$/);
  });

  it('never leaves half of a surrogate pair', () => {
    const snowmen = '☃'.repeat(10) + '𝄞'.repeat(100);
    for (let max = 60; max < 70; max++) {
      const cut = truncateText(snowmen, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
  });
});

describe('boundAuditRecord', () => {
  it('bounds every free-text field and keeps nulls and the rest', () => {
    const record: AuditRecord = {
      actor: 'a'.repeat(5_000),
      access: 'read-only',
      address: null,
      action: 'save-task',
      target: 't'.repeat(5_000),
      detail: null,
      outcome: 'failed',
      error: 'e'.repeat(5_000),
    };
    const bounded = boundAuditRecord(record);
    expect(bounded).toMatchObject({ access: 'read-only', address: null, action: 'save-task', detail: null, outcome: 'failed' });
    expect(bounded.actor).toHaveLength(AUDIT_FIELD_LIMITS.actor);
    expect(bounded.target).toHaveLength(AUDIT_FIELD_LIMITS.target);
    expect(bounded.error).toHaveLength(AUDIT_FIELD_LIMITS.error);
  });
});
