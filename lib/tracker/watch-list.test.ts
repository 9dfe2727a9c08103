import { describe, expect, it } from 'vitest';
import type { Job } from '@/lib/domain/job';
import type { Phase } from '@/lib/domain/status';
import { WatchList, type Watched } from './watch-list';

const watched = (jobId: string, nextPollAt: number, failures = 0): Watched => ({ jobId, queryId: `q-${jobId}`, rawStatus: 'RUNNING', changedAt: 0, nextPollAt, failures });
const changed = (id: string, rawStatus: string, phase: Phase) => ({ id, rawStatus, phase }) as Job;

describe('WatchList', () => {
  it('is due at its earliest poll, at once for jobs asked for soon, and never when empty', () => {
    const list = new WatchList<Watched>();
    expect(list.dueAt()).toBe(Infinity);
    list.add(watched('a', 5_000));
    list.add(watched('b', 2_000));
    expect(list.dueAt()).toBe(2_000);
    list.pollSoon(['a', 'unknown']);
    expect(list.dueAt()).toBe(0);
  });

  it('makes whatever backs off due when the warehouse answers again, without delaying what was due sooner', () => {
    const list = new WatchList<Watched>();
    list.add(watched('backing-off', 40_000, 4));
    list.add(watched('due-soon', 500));
    list.resume(1_000);
    expect(list.all().map((w) => [w.jobId, w.nextPollAt, w.failures])).toEqual([
      ['backing-off', 1_000, 0],
      ['due-soon', 500, 0],
    ]);
  });

  it('takes in recorded changes: keeps the new raw status, lets go of ended jobs, ignores jobs it does not follow', () => {
    const list = new WatchList<Watched>();
    list.add(watched('running', 0));
    list.add(watched('ending', 0));
    const ended = list.settle([changed('running', 'RESUMING_WAREHOUSE', 'running'), changed('ending', 'SUCCESS', 'succeeded'), changed('other', 'FAILED_WITH_ERROR', 'failed')]);
    expect(ended.map(({ job, watched: w }) => [job.id, w.rawStatus])).toEqual([['ending', 'SUCCESS']]);
    expect(list.size).toBe(1);
    expect(list.has('ending')).toBe(false);
    expect(list.all()[0].rawStatus).toBe('RESUMING_WAREHOUSE');
  });
});
