import { describe, expect, it } from 'vitest';
import {
  failureMessage,
  firstContainerStart,
  identifierPart,
  logLines,
  parseComputePoolRow,
  parseContainerRow,
  parseJobHistoryRow,
  parseJobServiceRow,
  qualifiedName,
  rowForGivenName,
  type JobServiceRow,
} from './service-rows';

describe('parseJobServiceRow', () => {
  it('reads a SHOW JOB SERVICES row into a fully qualified name and status', () => {
    const row = {
      name: 'NIGHTLY_SUMMARY',
      status: 'RUNNING',
      database_name: 'FLURRY',
      schema_name: 'PUBLIC',
      owner: 'SYSADMIN',
      compute_pool: 'CPU_S',
      created_on: new Date('2026-11-21T10:00:00Z'),
      updated_on: '2026-11-21T10:00:05.000Z',
      is_async_job: 'true',
    };
    expect(parseJobServiceRow(row)).toEqual({
      qualifiedName: 'FLURRY.PUBLIC.NIGHTLY_SUMMARY',
      name: 'NIGHTLY_SUMMARY',
      status: 'RUNNING',
      computePool: 'CPU_S',
      createdAt: Date.parse('2026-11-21T10:00:00Z'),
      updatedAt: Date.parse('2026-11-21T10:00:05Z'),
    });
  });

  it('reads upper-case column names alike, and refuses rows missing what identifies a job', () => {
    expect(parseJobServiceRow({ NAME: 'J', STATUS: 'done', DATABASE_NAME: 'D', SCHEMA_NAME: 'S' })).toMatchObject({
      qualifiedName: 'D.S.J',
      status: 'DONE',
      computePool: null,
      createdAt: null,
    });
    expect(parseJobServiceRow({ name: 'J', status: 'DONE', database_name: 'D' })).toBeNull();
    expect(parseJobServiceRow({ name: '', status: 'DONE', database_name: 'D', schema_name: 'S' })).toBeNull();
  });
});

describe('qualifiedName', () => {
  it('leaves plain upper-case parts bare and quotes the rest, doubling quotes', () => {
    expect(qualifiedName('FLURRY', 'PUBLIC', 'JOB_01B2_C3')).toBe('FLURRY.PUBLIC.JOB_01B2_C3');
    expect(qualifiedName('my db', 'Public', 'a"b')).toBe('"my db"."Public"."a""b"');
    expect(identifierPart('1ABC')).toBe('"1ABC"');
  });
});

describe('parseContainerRow', () => {
  it('reads status, restarts, exit code, message and start time', () => {
    expect(
      parseContainerRow({
        database_name: 'FLURRY',
        schema_name: 'PUBLIC',
        service_name: 'J',
        service_status: 'FAILED',
        instance_id: '0',
        instance_status: 'FAILED',
        container_name: 'main',
        status: 'FAILED',
        message: 'Container exited with a non-zero code',
        image_name: '/db/s/repo/flurry_test:latest',
        image_digest: null,
        restart_count: 0,
        start_time: '2026-11-21T10:00:01Z',
        last_exit_code: '3',
        last_restart_time: null,
      }),
    ).toEqual({
      instanceId: '0',
      containerName: 'main',
      status: 'FAILED',
      instanceStatus: 'FAILED',
      message: 'Container exited with a non-zero code',
      image: '/db/s/repo/flurry_test:latest',
      restartCount: 0,
      lastExitCode: 3,
      startedAt: Date.parse('2026-11-21T10:00:01Z'),
    });
  });

  it('keeps the NULL fields of a PENDING job as nulls', () => {
    expect(parseContainerRow({ instance_id: null, container_name: null, status: null, message: 'Unschedulable due to insufficient resources' })).toMatchObject({
      instanceId: '',
      status: null,
      restartCount: null,
      lastExitCode: null,
      message: 'Unschedulable due to insufficient resources',
    });
  });
});

describe('parseJobHistoryRow and parseComputePoolRow', () => {
  it('links a query id to the job it started', () => {
    expect(
      parseJobHistoryRow({ QUERY_ID: 'q-1', NAME: 'JOB_01', DATABASE_NAME: 'FLURRY', SCHEMA_NAME: 'PUBLIC', STATUS: 'DONE', COMPLETED_TIME: 0 }),
    ).toEqual({ queryId: 'q-1', qualifiedName: 'FLURRY.PUBLIC.JOB_01', status: 'DONE', message: null, createdAt: null, completedAt: null });
    expect(parseJobHistoryRow({ QUERY_ID: 'q-1', NAME: 'JOB_01' })).toBeNull();
  });

  it('reads a pool with its state and family', () => {
    expect(parseComputePoolRow({ name: 'CPU_S', state: 'IDLE', instance_family: 'CPU_X64_S', num_jobs: 0 })).toEqual({
      name: 'CPU_S',
      state: 'IDLE',
      instanceFamily: 'CPU_X64_S',
    });
    expect(parseComputePoolRow({ state: 'IDLE' })).toBeNull();
  });
});

describe('logLines and failureMessage', () => {
  it('splits a log into lines without inventing an empty last one', () => {
    expect(logLines('a\r\nb\n\nc\n')).toEqual(['a', 'b', '', 'c']);
    expect(logLines('')).toEqual([]);
    expect(logLines(null)).toEqual([]);
  });

  it('names the failed container, its exit code and its message', () => {
    const base = { instanceStatus: null, image: null, restartCount: 0, startedAt: null };
    const ok = { ...base, instanceId: '0', containerName: 'main', status: 'DONE', message: null, lastExitCode: 0 };
    const failed = { ...base, instanceId: '1', containerName: 'main', status: 'FAILED', message: 'boom', lastExitCode: 3 };
    expect(failureMessage([ok, failed])).toBe('Container main (instance 1) exited with code 3: boom');
    expect(failureMessage([{ ...failed, message: null, lastExitCode: null }])).toBe('Container main (instance 1) failed.');
    expect(failureMessage([ok])).toBeNull();
  });
});

describe('firstContainerStart', () => {
  const container = (instanceId: string, startedAt: number | null) => ({
    instanceId,
    containerName: 'main',
    status: startedAt === null ? null : 'DONE',
    instanceStatus: null,
    message: null,
    image: null,
    restartCount: 0,
    lastExitCode: null,
    startedAt,
  });

  it('is the earliest start of any container, whatever their order', () => {
    expect(firstContainerStart([container('0', 2_500), container('1', 2_100), container('2', null)])).toBe(2_100);
  });

  it('is null when no container started (a job cancelled while PENDING) or none is listed', () => {
    expect(firstContainerStart([container('0', null)])).toBeNull();
    expect(firstContainerStart([])).toBeNull();
  });
});

describe('rowForGivenName', () => {
  const row = (qualified: string, createdAt: number | null): JobServiceRow => ({
    qualifiedName: qualified,
    name: qualified.split('.').at(-1) as string,
    status: 'RUNNING',
    computePool: null,
    createdAt,
    updatedAt: null,
  });
  const rows = [row('FLURRY.PUBLIC.NIGHTLY', 10_000_000), row('FLURRY.OTHER.NIGHTLY', 1_000), row('FLURRY.PUBLIC.XNIGHTLY', 10_000_000)];

  it('finds the one job of that name created since the statement was submitted', () => {
    expect(rowForGivenName('NIGHTLY', 9_990_000, rows)?.qualifiedName).toBe('FLURRY.PUBLIC.NIGHTLY');
    expect(rowForGivenName('OTHER.NIGHTLY', null, rows)?.qualifiedName).toBe('FLURRY.OTHER.NIGHTLY');
    expect(rowForGivenName('FLURRY.PUBLIC.NIGHTLY', null, rows)?.qualifiedName).toBe('FLURRY.PUBLIC.NIGHTLY');
  });

  it('gives up when several jobs could be it, or none', () => {
    expect(rowForGivenName('NIGHTLY', null, rows)).toBeNull();
    expect(rowForGivenName('NIGHTLY', 20_000_000, rows)).toBeNull();
    expect(rowForGivenName('PUBLIC.MISSING', null, rows)).toBeNull();
  });
});
