/**
 * The local warehouse's engine (types.ts): queues queries into a fixed number of slots, runs
 * them on DuckDB, keeps every query in a DuckDB history and every result in a file DuckDB
 * writes, and sweeps results older than the retention period. Only queued and running queries
 * are held in memory; everything that has ended is read back from disk, so memory stays flat
 * however many queries pass through.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setInterval } from 'node:timers';
import { runsInCloudServices } from '../dialect/cloud-services';
import { isDml, queryType, statementTypeId } from '../dialect/query-type';
import { Catalog } from './catalog';
import { ConnectionPool } from './connection-pool';
import { TableWriteLocks } from './table-write-locks';
import { openDatabase } from './database';
import { HistoryStore, type HistoryEntry } from './history-store';
import { mayReadResult, mayWatch } from './query-access';
import { isMultiStatementRequest, MULTI_STATEMENT, runStatements, storeRequestAnswer, type RequestOutcome } from './multi-statement';
import { QueryQueue } from './query-queue';
import { runQuery } from './query-runner';
import { statementTimeoutSeconds } from './session-parameters';
import { NO_SETTINGS, settingsAfter, withStatementTimeout } from './session-statements';
import { bytesPerRow, chunkLayout, inlineRows, SAMPLE_ROWS, sampleOffsets } from './result-chunks';
import { dropResults, readRows, resultFile, resultRelation, streamPages } from './result-store';
import { createEngineHost, type StoredRows } from '../scripting/engine-host';
import { Procedures } from '../scripting/procedures';
import { runScript } from '../scripting/run-script';
import { runScriptQuery } from '../scripting/script-query';
import { isScriptStatement } from '../scripting/script-statement';
import { inlineBinds } from '../dialect/inline-binds';
import type { ServiceStatements, TaskStatements } from './service-statements';
import { fromDuckDBError, SnowflakeQueryError, snowflakeErrors } from './snowflake-errors';
import type { Engine, EngineOptions, Outcome, QueryRecord, SessionSettings, SessionTarget, SubmitRequest } from './types';
import { Warehouses } from './warehouses';

/** INFORMATION_SCHEMA.QUERY_HISTORY covers 7 days; the history keeps at least that long. */
const HISTORY_RETENTION_MS = 7 * 24 * 3600 * 1000;

interface LiveQuery {
  entry: HistoryEntry;
  binds: NonNullable<SubmitRequest['binds']>;
  settings: SessionSettings;
  abort: AbortController;
  ended: Promise<void>;
  markEnded: () => void;
}

export async function createEngine(options: EngineOptions): Promise<Engine> {
  validateOptions(options);
  const now = options.now ?? Date.now;
  const retentionMs = options.resultRetentionSeconds * 1000;
  const database = await openDatabase(options.dataDir, options.defaultDatabase, options.defaultSchema);
  const resultsDir = path.join(options.dataDir, 'results');
  let history: HistoryStore;
  try {
    fs.mkdirSync(resultsDir, { recursive: true });
    history = await HistoryStore.open(database);
    // A query the previous process died in may have left a partial result file.
    dropResults(resultsDir, await history.failUnfinished(snowflakeErrors.restarted(), now()));
  } catch (error) {
    database.close();
    throw error;
  }

  const pool = new ConnectionPool(database, options.concurrency);
  const tableWriteLocks = new TableWriteLocks();
  let catalog: Catalog;
  let warehouses: Warehouses;
  // A warehouse's MAX_CONCURRENCY_LEVEL bounds its queries within the engine's slots.
  const queue = new QueryQueue(options.concurrency, (slots) => warehouses.levelOf(slots));
  try {
    warehouses = await Warehouses.open(database, queue, { ...options, now });
    catalog = await Catalog.open(database, pool, { ...options, now, warehouseExists: (name) => warehouses.has(name) });
  } catch (error) {
    await history.close();
    database.close();
    throw error;
  }
  let services: ServiceStatements | null = null;
  let procedures: Procedures;
  try {
    procedures = await Procedures.open(database, { now, schemaExists: (name, schema) => catalog.hasSchema(name, schema) });
    // A dropped or replaced database or schema takes its procedures with it.
    catalog.onDrop(({ database: dropped, schema }) => void procedures.dropIn(dropped, schema));
    services = options.serviceStatements ? await options.serviceStatements(database) : null;
  } catch (error) {
    await history.close();
    database.close();
    throw error;
  }
  // Opened once the engine exists: task runs submit their queries to it.
  let tasks: TaskStatements | null = null;
  const live = new Map<string, LiveQuery>();
  /**
   * Live queries by their user and requestId: a requestId deduplicates one user's retries (from
   * any of their sessions: the dashboard retries a batch on a new session when one dies), never
   * another user's request.
   */
  const liveByRequestId = new Map<string, LiveQuery>();
  const submitting = new Map<string, { sqlText: string; submission: Promise<QueryRecord> }>();
  let closed = false;

  const isExpired = (entry: HistoryEntry) => entry.endedAt !== null && entry.endedAt + retentionMs <= now();

  /** A successful query's result that is still retained, or null. */
  async function storedEntry(queryId: string): Promise<HistoryEntry | null> {
    if (live.has(queryId)) return null;
    const entry = await history.get(queryId);
    return entry?.status === 'SUCCESS' && entry.rowType && !isExpired(entry) ? entry : null;
  }

  /** A retained result's file, its description and its row count, or null. */
  async function storedResultFile(queryId: string) {
    const entry = await storedEntry(queryId);
    const file = resultFile(resultsDir, queryId);
    // No file: the sweeper deleted it since the history was read.
    if (!entry?.rowType || !fs.existsSync(file)) return null;
    // A DML result is one row of counts, while its rowCount is the rows the statement changed.
    const total = isDml(entry.statementTypeId) ? 1 : (entry.rowCount ?? 0);
    return { file, total, rowtype: entry.rowType, statementTypeId: entry.statementTypeId };
  }

  /** RESULT_SCAN's view of a result: another user's is as absent as a missing one (query-access.ts). */
  async function storedResult(queryId: string, user: string): Promise<string | null> {
    const entry = await storedEntry(queryId);
    return entry?.rowType && mayReadResult({ user }, entry) ? resultRelation(resultFile(resultsDir, queryId), entry.rowType) : null;
  }

  function finish(query: LiveQuery, outcome: Outcome): void {
    const { entry } = query;
    entry.endedAt = now();
    entry.status = outcome.status;
    if (outcome.status === 'SUCCESS') {
      entry.rowCount = outcome.rowCount;
      entry.rowType = outcome.rowType;
      if (outcome.final) entry.final = outcome.final;
    } else {
      entry.error = outcome.status === 'ABORTED' ? snowflakeErrors.canceled() : outcome.error;
    }
    history.write(entry);
    live.delete(entry.id);
    const key = entry.requestId && requestKey(entry.user, entry.requestId);
    // A later request may have taken the key (same requestId, other SQL): that one stays.
    if (key && liveByRequestId.get(key) === query) liveByRequestId.delete(key);
    query.markEnded();
  }

  function markRunning(query: LiveQuery): void {
    query.entry.status = 'RUNNING';
    query.entry.startedAt = now();
    history.write(query.entry);
  }

  /** What runQuery needs to run `entry`, a query of its own or a script's evaluation. */
  function runnerDeps(entry: HistoryEntry) {
    return {
      pool,
      catalog,
      warehouses,
      resultsDir,
      history,
      now,
      // SYSTEM$CANCEL_QUERY and RESULT_SCAN act as the query's user.
      cancelQuery: (queryId: string) => cancelAs(entry, queryId),
      storedResult: (queryId: string) => storedResult(queryId, entry.user),
      services,
      tasks,
      procedures,
      tableWriteLocks,
      engineFunctions: database.engineFunctions,
    };
  }

  async function run(query: LiveQuery): Promise<void> {
    markRunning(query);
    const deps = runnerDeps(query.entry);
    // The session's STATEMENT_TIMEOUT_IN_SECONDS counts from here, when the statement starts running.
    const outcome = await withStatementTimeout(statementTimeoutSeconds(query.settings), () => cancel(query.entry.id), () =>
      runQuery(query.entry, query.binds, query.abort.signal, deps, query.settings),
    );
    finish(query, outcome);
  }

  /**
   * A multi-statement request (multi-statement.ts): each statement is queued as a query of its
   * own, in the session context the one before left, once that one has ended. Cancelling the
   * request cancels the statement running.
   */
  async function runRequest(query: LiveQuery, multiStatementCount: number): Promise<void> {
    const { entry, abort } = query;
    markRunning(query);
    let running: string | null = null;
    const runStatement = async (sqlText: string, context: SessionTarget): Promise<QueryRecord> => {
      const session = { sessionId: entry.sessionId, user: entry.user, ...context, queryTag: context.queryTag ?? entry.queryTag };
      const statement = enqueue({ sqlText, requestId: null, session, settings: settingsAfter(query.settings, context) }, now());
      running = statement.id;
      entry.childQueryIds.push(statement.id);
      history.write(entry);
      await live.get(statement.id)?.ended;
      return (await get(statement.id)) as QueryRecord;
    };
    const stopRunning = () => void (running && cancel(running));
    abort.signal.addEventListener('abort', stopRunning);
    const outcome: RequestOutcome =
      query.binds.length > 0
        ? { status: 'FAILED_WITH_ERROR', error: snowflakeErrors.unsupported('bind variables in a multi-statement request'), final: entry.final }
        : await runStatements(entry.sqlText, multiStatementCount, entry.final, abort.signal, runStatement);
    abort.signal.removeEventListener('abort', stopRunning);
    entry.final = outcome.final;
    if (outcome.status !== 'SUCCESS') return finish(query, outcome);
    try {
      const rowType = await storeRequestAnswer(database, resultsDir, entry.id);
      finish(query, { status: 'SUCCESS', rowCount: 1, rowType });
    } catch (error) {
      finish(query, { status: 'FAILED_WITH_ERROR', error: snowflakeErrors.execution(String(error)) });
    }
  }

  /** A retained result read whole: a script reads its children's results this way. */
  async function storedRows(queryId: string): Promise<StoredRows | null> {
    const stored = await storedResultFile(queryId);
    return stored && { rowType: stored.rowtype, rows: await readRows(database, stored.file, 0, stored.total) };
  }

  /** `query` run again as `sqlText`, in `context`, under `id`: the same session, another statement. */
  function restated(query: LiveQuery, id: string, sqlText: string, context: SessionTarget): HistoryEntry {
    const { database: db, schema, warehouse, role } = context;
    const queryTag = context.queryTag ?? query.entry.queryTag;
    const type = queryType(sqlText);
    return {
      ...query.entry,
      id,
      database: db,
      schema,
      warehouse,
      role,
      queryTag,
      sqlText,
      queryType: type,
      statementTypeId: statementTypeId(type),
      childQueryIds: [],
    };
  }

  /** Runs a script's SELECT (an expression it evaluates) on DuckDB without recording a query. */
  async function selectUnrecorded(query: LiveQuery, sqlText: string, context: SessionTarget): Promise<StoredRows> {
    const entry = restated(query, randomUUID(), sqlText, context);
    const outcome = await runQuery(entry, [], query.abort.signal, runnerDeps(entry), settingsAfter(query.settings, context));
    try {
      if (outcome.status === 'FAILED_WITH_ERROR') throw new SnowflakeQueryError(outcome.error);
      if (outcome.status === 'ABORTED') throw new SnowflakeQueryError(snowflakeErrors.canceled());
      return { rowType: outcome.rowType, rows: await readRows(database, resultFile(resultsDir, entry.id), 0, outcome.rowCount) };
    } finally {
      dropResults(resultsDir, [entry.id]);
    }
  }

  /**
   * A script query (an anonymous block, EXECUTE IMMEDIATE or CALL: scripting/script-query.ts).
   * Like a multi-statement request it holds no slot: each statement it runs is a child query that
   * takes its own, in the session context the children before it left. Its answer is stored
   * as its own result.
   */
  async function runScriptStatement(query: LiveQuery): Promise<void> {
    const { entry, abort } = query;
    markRunning(query);
    const host = createEngineHost({
      signal: abort.signal,
      context: entry.final,
      submitChild(sqlText, context) {
        const session = { sessionId: entry.sessionId, user: entry.user, ...context, queryTag: context.queryTag ?? entry.queryTag };
        const child = enqueue({ sqlText, requestId: null, session, settings: settingsAfter(query.settings, context) }, now());
        entry.childQueryIds.push(child.id);
        history.write(entry);
        const ended = (async () => {
          await live.get(child.id)?.ended;
          return (await get(child.id)) as QueryRecord;
        })();
        return { queryId: child.id, ended };
      },
      cancel,
      result: storedRows,
      select: (sqlText, context) => selectUnrecorded(query, sqlText, context),
      maxRunningChildren: options.maxScriptChildren,
    });
    let outcome: Outcome;
    try {
      // A CALL's bound values become literals, as in any statement (query-runner.ts); a block's
      // `:name` are its own variables, so a block takes no binds.
      if (query.binds.length > 0 && entry.queryType !== 'CALL') {
        throw new SnowflakeQueryError(snowflakeErrors.unsupported('bind variables in a Snowflake Scripting block'));
      }
      const sqlText = query.binds.length > 0 ? inlineBinds(entry.sqlText, query.binds) : entry.sqlText;
      const answer = await runScriptQuery(sqlText, host, {
        procedures,
        runner: options.scriptRunner ?? runScript,
        sessionVariable: (name) => query.settings.variables[name]?.value ?? null,
        context: host.context,
      });
      const answering = restated(query, entry.id, answer.select, host.context());
      const stored = await runQuery(answering, [], abort.signal, runnerDeps(answering), settingsAfter(query.settings, host.context()));
      outcome = stored.status === 'SUCCESS' ? { ...stored, final: answer.movesSession ? host.context() : entry.final } : stored;
    } catch (error) {
      outcome = abort.signal.aborted ? { status: 'ABORTED' } : { status: 'FAILED_WITH_ERROR', error: fromDuckDBError(error, entry.sqlText) };
    }
    finish(query, outcome);
  }

  function cancel(queryId: string): boolean {
    const query = live.get(queryId);
    if (!query) return false;
    if (queue.remove(queryId)) {
      finish(query, { status: 'ABORTED' });
    } else if (!query.abort.signal.aborted) {
      query.entry.status = 'ABORTING';
      history.write(query.entry);
      query.abort.abort();
    }
    return true;
  }

  /** SYSTEM$CANCEL_QUERY: a query the caller may not watch is as unknown as a missing one. */
  function cancelAs(caller: Pick<HistoryEntry, 'user' | 'role'>, queryId: string): boolean {
    const target = live.get(queryId);
    return target !== undefined && mayWatch(caller, target.entry) && cancel(queryId);
  }

  /** `receivedAt`: when the request arrived, Snowflake's START_TIME, before any lookup. */
  function enqueue(request: SubmitRequest, receivedAt: number): QueryRecord {
    const { session } = request;
    const multiStatement = isMultiStatementRequest(request.sqlText, request.multiStatementCount);
    const script = !multiStatement && isScriptStatement(request.sqlText);
    const type = multiStatement ? MULTI_STATEMENT : queryType(request.sqlText);
    const ranIn = {
      database: session.database || options.defaultDatabase,
      schema: session.schema || options.defaultSchema,
      warehouse: session.warehouse || options.defaultWarehouse,
      role: session.role,
    };
    let markEnded = () => {};
    const ended = new Promise<void>((resolve) => (markEnded = resolve));
    const query: LiveQuery = {
      entry: {
        id: randomUUID(),
        requestId: request.requestId,
        sessionId: session.sessionId,
        user: session.user,
        ...ranIn,
        queryTag: session.queryTag,
        sqlText: request.sqlText,
        queryType: type,
        status: 'QUEUED',
        queuedAt: receivedAt,
        startedAt: null,
        endedAt: null,
        error: null,
        rowCount: null,
        statementTypeId: statementTypeId(type),
        rowType: null,
        final: ranIn,
        childQueryIds: [],
      },
      binds: request.binds ?? [],
      settings: request.settings ?? NO_SETTINGS,
      abort: new AbortController(),
      ended,
      markEnded,
    };
    live.set(query.entry.id, query);
    if (request.requestId) liveByRequestId.set(requestKey(session.user, request.requestId), query);
    history.write(query.entry);
    // A multi-statement request holds no slot itself; its statements take their own.
    if (multiStatement) queue.runOutsideSlots(query.entry.id, () => runRequest(query, request.multiStatementCount ?? 0));
    // A script's statements take slots of their own.
    else if (script) queue.runOutsideSlots(query.entry.id, () => runScriptStatement(query));
    else if (runsInCloudServices(request.sqlText)) queue.runOutsideSlots(query.entry.id, () => run(query));
    else queue.enqueue(query.entry.id, warehouses.slotsOf(ranIn.warehouse), () => run(query));
    return toRecord(query.entry);
  }

  async function get(queryId: string): Promise<QueryRecord | null> {
    const query = live.get(queryId);
    if (query) return toRecord(query.entry);
    const entry = await history.get(queryId);
    return entry && toRecord(entry);
  }

  async function sweep(): Promise<void> {
    const expired = await history.resultsEndedBy(now() - retentionMs);
    dropResults(resultsDir, expired);
    await history.forgetResults(expired);
    await history.pruneEndedBefore(now() - Math.max(HISTORY_RETENTION_MS, retentionMs));
  }

  await sweep();
  let sweeping: Promise<void> | null = null;
  const sweeper = setInterval(
    () => {
      sweeping ??= sweep()
        .catch((error: unknown) => console.error('local warehouse: result sweep failed:', error))
        .finally(() => (sweeping = null));
    },
    Math.min(60_000, Math.max(1000, retentionMs / 4)),
  );
  sweeper.unref();

  const engine: Engine = {
    async submit(request) {
      if (closed) throw new Error('The local warehouse engine is closed; it accepts no more queries.');
      const receivedAt = now();
      const { requestId, sqlText, session } = request;
      if (!requestId) return enqueue(request, receivedAt);
      // A retry is the same user sending the same SQL again; anything else is a new request.
      const key = requestKey(session.user, requestId);
      const running = liveByRequestId.get(key);
      if (running?.entry.sqlText === sqlText) return toRecord(running.entry);
      const inFlight = submitting.get(key);
      if (inFlight?.sqlText === sqlText) return inFlight.submission;
      const submission = history
        .findByRequestId(requestId, (entry) => entry.user === session.user && entry.sqlText === sqlText)
        .then((earlier) => (earlier ? toRecord(earlier) : enqueue(request, receivedAt)))
        .finally(() => {
          if (submitting.get(key)?.submission === submission) submitting.delete(key);
        });
      submitting.set(key, { sqlText, submission });
      return submission;
    },
    get,
    async waitForEnd(queryId, timeoutMs) {
      const query = live.get(queryId);
      if (query) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
        await Promise.race([query.ended, timeout]);
        clearTimeout(timer);
      }
      return get(queryId);
    },
    cancel,
    cancelByRequestId(requestId, user) {
      const query = liveByRequestId.get(requestKey(user, requestId));
      return query ? cancel(query.entry.id) : false;
    },
    async readResult(queryId, offset = 0, limit) {
      requireWholeNumber('readResult', 'offset', offset);
      if (limit !== undefined) requireWholeNumber('readResult', 'limit', limit);
      const stored = await storedResultFile(queryId);
      if (!stored) return null;
      const { file, total, ...described } = stored;
      if (limit !== undefined) return { ...described, total, rowset: await readRows(database, file, offset, limit), chunks: [] };
      const rowset = await inlineRows(streamPages(database, file, offset, total));
      const rest = offset + rowset.length;
      const samples = await Promise.all(sampleOffsets(rest, total).map((at) => readRows(database, file, at, SAMPLE_ROWS)));
      return { ...described, total, rowset, chunks: chunkLayout(rest, total, bytesPerRow([rowset, ...samples])) };
    },
    async streamResultRows(queryId, offset, limit) {
      requireWholeNumber('streamResultRows', 'offset', offset);
      requireWholeNumber('streamResultRows', 'limit', limit);
      const stored = await storedResultFile(queryId);
      return stored && streamPages(database, stored.file, offset, limit);
    },
    async forget(queryIds) {
      const running = queryIds.filter((queryId) => live.has(queryId));
      if (running.length > 0) throw new Error(`forget: queries ${running.join(', ')} have not ended.`);
      dropResults(resultsDir, queryIds);
      await history.forget(queryIds);
    },
    async close() {
      if (closed) return;
      // Task runs end first: cancelling them cancels their queries, which still need the engine.
      await tasks?.close();
      closed = true;
      clearInterval(sweeper);
      const ending = [...live.values()].map((query) => query.ended);
      for (const queryId of [...live.keys()]) cancel(queryId);
      await Promise.all(ending);
      await services?.close();
      await sweeping;
      await history.close();
      pool.closeIdle();
      database.close();
    },
  };
  try {
    tasks = options.taskStatements
      ? await options.taskStatements(database, {
          queries: engine,
          databaseExists: (name) => catalog.has(name),
          schemaExists: (database, schema) => catalog.hasSchema(database, schema),
          onDrop: (listener) => catalog.onDrop(listener),
          warehouseExists: (name) => warehouses.has(name),
          defaultWarehouse: options.defaultWarehouse,
        })
      : null;
  } catch (error) {
    await engine.close();
    throw error;
  }
  return engine;
}

function requestKey(user: string, requestId: string): string {
  return `${user}\u0000${requestId}`;
}

function toRecord(entry: HistoryEntry): QueryRecord {
  const { statementTypeId: _type, rowType: _rowType, ...record } = entry;
  return {
    ...record,
    error: record.error && { ...record.error },
    final: { ...record.final },
    childQueryIds: [...record.childQueryIds],
  };
}

function requireWholeNumber(method: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new Error(`${method}: ${name} must be a whole number ≥ 0, got ${value}.`);
}

function validateOptions(options: EngineOptions): void {
  const wholeAtLeastOne = { concurrency: options.concurrency, resultRetentionSeconds: options.resultRetentionSeconds };
  for (const [name, value] of Object.entries(wholeAtLeastOne)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`Local warehouse engine: ${name} must be a whole number of at least 1; got ${value}.`);
    }
  }
  if (!options.dataDir) throw new Error('Local warehouse engine: dataDir is required.');
}
