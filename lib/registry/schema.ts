/**
 * The registry's tables. Times are epoch milliseconds (BIGINT), as the DTOs carry them, so no
 * time zone ever comes between the warehouse, this file and the browser.
 */
export const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS batches (
    id VARCHAR PRIMARY KEY,
    label VARCHAR,
    mode VARCHAR NOT NULL,
    created_at BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS jobs (
    id VARCHAR PRIMARY KEY,
    batch_id VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    sql VARCHAR NOT NULL,
    query_id VARCHAR,
    raw_status VARCHAR NOT NULL,
    phase VARCHAR NOT NULL,
    submitted_at BIGINT,
    started_at BIGINT,
    ended_at BIGINT,
    error_code VARCHAR,
    error_message VARCHAR,
    row_count BIGINT,
    -- true once submitted/started/ended come from the warehouse's own records, not from when Flurry looked
    warehouse_times BOOLEAN NOT NULL DEFAULT false,
    updated_at BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS transitions (
    job_id VARCHAR NOT NULL,
    raw_status VARCHAR NOT NULL,
    phase VARCHAR NOT NULL,
    changed_at BIGINT NOT NULL
  )`,
  // Job service columns came after the first registries were written: added, never assumed.
  'ALTER TABLE jobs ADD COLUMN IF NOT EXISTS service_name VARCHAR',
  'ALTER TABLE jobs ADD COLUMN IF NOT EXISTS service_resolved BOOLEAN DEFAULT false',
  'ALTER TABLE jobs ADD COLUMN IF NOT EXISTS compute_pool VARCHAR',
  'ALTER TABLE jobs ADD COLUMN IF NOT EXISTS spec VARCHAR',
  'ALTER TABLE jobs ADD COLUMN IF NOT EXISTS replicas INTEGER',
  // Queries other clients ran (QUERY_HISTORY): one batch per session, each job saying who ran it.
  "ALTER TABLE batches ADD COLUMN IF NOT EXISTS origin VARCHAR DEFAULT 'flurry'",
  'ALTER TABLE batches ADD COLUMN IF NOT EXISTS external_session VARCHAR',
  'ALTER TABLE jobs ADD COLUMN IF NOT EXISTS run_user VARCHAR',
  'ALTER TABLE jobs ADD COLUMN IF NOT EXISTS run_role VARCHAR',
  'ALTER TABLE jobs ADD COLUMN IF NOT EXISTS run_warehouse VARCHAR',
  // Who launched, cancelled or changed what (lib/audit). Append-only; `id` grows by one per entry.
  `CREATE TABLE IF NOT EXISTS audit_log (
    id BIGINT PRIMARY KEY,
    recorded_at BIGINT NOT NULL,
    actor VARCHAR NOT NULL,
    access VARCHAR NOT NULL,
    address VARCHAR,
    action VARCHAR NOT NULL,
    target VARCHAR NOT NULL,
    detail VARCHAR,
    outcome VARCHAR NOT NULL,
    error VARCHAR
  )`,
  // No index on jobs.phase: DuckDB rewrites an updated indexed column as delete + insert.
  'CREATE INDEX IF NOT EXISTS jobs_batch ON jobs (batch_id)',
  'CREATE INDEX IF NOT EXISTS transitions_job ON transitions (job_id)',
];
