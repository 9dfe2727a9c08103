'use client';
/**
 * Which compute runs the task: a named warehouse, or serverless with an optional initial size
 * (https://docs.snowflake.com/en/sql-reference/sql/create-task).
 */
import { TASK_WAREHOUSE_SIZES } from '@/lib/domain/tasks/task-properties';
import { borderClass, controlProps, Field, INPUT_CLASS } from './field';

/** Option values name a warehouse behind a prefix, so no warehouse name can pass for "serverless". */
const SERVERLESS = 'serverless';
const WAREHOUSE_PREFIX = 'warehouse:';

export function WarehouseField({
  idPrefix,
  warehouses,
  warehouse,
  size,
  editing,
  problems,
  onChange,
}: {
  idPrefix: string;
  warehouses: readonly string[];
  /** Null: serverless. */
  warehouse: string | null;
  size: string | null;
  editing: boolean;
  problems: { warehouse?: string; initialWarehouseSize?: string };
  onChange: (patch: { warehouse: string | null; initialWarehouseSize: string | null }) => void;
}) {
  // A task may name a warehouse the list no longer has; it stays a choice.
  const names = warehouse !== null && !warehouses.includes(warehouse) ? [warehouse, ...warehouses] : warehouses;
  const id = `${idPrefix}-warehouse`;
  const sizeId = `${idPrefix}-size`;
  const sizeHint = editing
    ? 'Leave it to keep the task’s current size (SHOW TASKS does not report it).'
    : 'Snowflake starts a serverless task at MEDIUM and sizes it from its runs.';
  return (
    <div className="grid grid-cols-2 gap-3">
      <Field id={id} label="Warehouse" problem={problems.warehouse}>
        <select
          {...controlProps(id, undefined, problems.warehouse)}
          value={warehouse === null ? SERVERLESS : `${WAREHOUSE_PREFIX}${warehouse}`}
          onChange={(event) => {
            const value = event.target.value;
            onChange(
              value === SERVERLESS
                ? { warehouse: null, initialWarehouseSize: size }
                : { warehouse: value.slice(WAREHOUSE_PREFIX.length), initialWarehouseSize: null },
            );
          }}
          className={`${INPUT_CLASS} ${borderClass(Boolean(problems.warehouse))}`}
        >
          {names.map((name) => (
            <option key={name} value={`${WAREHOUSE_PREFIX}${name}`}>
              {name}
            </option>
          ))}
          <option value={SERVERLESS}>Serverless (Snowflake-managed)</option>
        </select>
      </Field>
      {warehouse === null ? (
        <Field id={sizeId} label="Initial size" hint={sizeHint} problem={problems.initialWarehouseSize}>
          <select
            {...controlProps(sizeId, sizeHint, problems.initialWarehouseSize)}
            value={size ?? ''}
            onChange={(event) => onChange({ warehouse: null, initialWarehouseSize: event.target.value || null })}
            className={`${INPUT_CLASS} ${borderClass(Boolean(problems.initialWarehouseSize))}`}
          >
            <option value="">{editing ? 'Unchanged' : 'Default (MEDIUM)'}</option>
            {TASK_WAREHOUSE_SIZES.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
    </div>
  );
}
