import { describe, expect, it } from 'vitest';
import { createExportSlots, csvExportLimits, EXPORTS_PER_CALLER, READ_ONLY_EXPORTS, type SlotGrant } from './export-slots';

const alice = csvExportLimits({ name: 'alice', access: 'full' });
const bob = csvExportLimits({ name: 'bob', access: 'full' });
const watcher = (name: string) => csvExportLimits({ name, access: 'read-only' });

function released(grant: SlotGrant): () => void {
  if (!grant.granted) throw new Error(`refused: ${grant.refusedBy.refusal}`);
  return grant.release;
}

describe('export slots', () => {
  it('lets a caller run two downloads at once and refuses the third, saying why', () => {
    const slots = createExportSlots();
    released(slots.take(alice));
    released(slots.take(alice));
    const third = slots.take(alice);
    expect(third).toEqual({ granted: false, refusedBy: expect.objectContaining({ group: 'caller:full:alice', max: EXPORTS_PER_CALLER }) });
    expect(third.granted || third.refusedBy.refusal).toBe(
      'You already have 2 CSV downloads running; wait until one finishes (or stop it), then try again.',
    );
    expect(slots.running('caller:full:alice')).toBe(2);
  });

  it('frees a slot when a download releases it, and counts a second release of it not at all', () => {
    const slots = createExportSlots();
    const first = released(slots.take(alice));
    released(slots.take(alice));
    first();
    first();
    expect(slots.running('caller:full:alice')).toBe(1);
    released(slots.take(alice));
    expect(slots.take(alice).granted).toBe(false);
  });

  it('counts each caller apart', () => {
    const slots = createExportSlots();
    released(slots.take(alice));
    released(slots.take(alice));
    released(slots.take(bob));
    expect(slots.running('caller:full:bob')).toBe(1);
    expect(slots.take(watcher('alice')).granted).toBe(true);
  });

  it('caps read-only callers together, whatever names they signed in under', () => {
    const slots = createExportSlots();
    const grants = Array.from({ length: READ_ONLY_EXPORTS }, (_, index) => released(slots.take(watcher(`name ${index}`))));
    const refused = slots.take(watcher('yet another name'));
    expect(refused.granted || refused.refusedBy.group).toBe('read-only');
    expect(refused.granted || refused.refusedBy.refusal).toMatch(/^Read-only sessions already have 4 CSV downloads running/);
    // A refusal takes nothing: the refused caller's own group is still empty.
    expect(slots.running('caller:read-only:yet another name')).toBe(0);
    expect(slots.take(alice).granted).toBe(true);
    grants[0]();
    expect(slots.take(watcher('yet another name')).granted).toBe(true);
  });

  it('refuses a read-only caller’s third download by its own limit first', () => {
    const slots = createExportSlots();
    released(slots.take(watcher('carol')));
    released(slots.take(watcher('carol')));
    const third = slots.take(watcher('carol'));
    expect(third.granted || third.refusedBy.group).toBe('caller:read-only:carol');
    expect(slots.running('read-only')).toBe(2);
  });
});
