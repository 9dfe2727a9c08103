import { describe, expect, it, vi } from 'vitest';
import { processSingleton, processSingletonAsync } from './process-singleton';

describe('processSingleton', () => {
  it('makes the instance once and hands the same one to every caller, across module copies', async () => {
    let made = 0;
    const first = processSingleton('test.counted', () => ({ id: ++made }));
    expect(processSingleton('test.counted', () => ({ id: ++made }))).toBe(first);
    expect(made).toBe(1);
    // A fresh copy of the module (as Next.js loads one per bundle) finds the same instance.
    vi.resetModules();
    const copy = await import('./process-singleton');
    expect(copy.processSingleton).not.toBe(processSingleton);
    expect(copy.processSingleton('test.counted', () => ({ id: ++made }))).toBe(first);
    expect(made).toBe(1);
  });

  it('keeps a falsy instance instead of making it again', () => {
    let made = 0;
    expect(processSingleton('test.zero', () => (made++, 0))).toBe(0);
    expect(processSingleton('test.zero', () => (made++, 1))).toBe(0);
    expect(made).toBe(1);
  });
});

describe('processSingletonAsync', () => {
  it('shares one opening between concurrent callers', async () => {
    let opened = 0;
    const open = async () => ({ id: ++opened });
    const [a, b] = await Promise.all([processSingletonAsync('test.shared', open), processSingletonAsync('test.shared', open)]);
    expect(a).toBe(b);
    expect(opened).toBe(1);
  });

  it('forgets a failed opening, so the next caller tries again', async () => {
    let attempts = 0;
    const open = async () => {
      attempts++;
      if (attempts === 1) throw new Error('disk full');
      return 'open';
    };
    await expect(processSingletonAsync('test.retry', open)).rejects.toThrow('disk full');
    await expect(processSingletonAsync('test.retry', open)).resolves.toBe('open');
    await expect(processSingletonAsync('test.retry', open)).resolves.toBe('open');
    expect(attempts).toBe(2);
  });
});
