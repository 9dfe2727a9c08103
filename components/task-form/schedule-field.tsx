'use client';
/**
 * The task's schedule (SCHEDULE in https://docs.snowflake.com/en/sql-reference/sql/create-task):
 * none (a child, a finalizer, or a task run by hand), an interval, or a cron in a time zone.
 * Switching kinds keeps what was typed for the other kind.
 */
import { useState } from 'react';
import { INTERVAL_UNITS, type ScheduleInput } from '@/lib/domain/tasks/task-form';
import { borderClass, controlProps, Field, FieldProblem, INPUT_CLASS } from './field';
import { TimeZoneInput } from './time-zone-input';

type Interval = Extract<ScheduleInput, { kind: 'interval' }>;
type Cron = Extract<ScheduleInput, { kind: 'cron' }>;

const KINDS: { value: ScheduleInput['kind']; label: string }[] = [
  { value: 'none', label: 'None: runs after its predecessors, or when run by hand' },
  { value: 'interval', label: 'Every n seconds, minutes or hours' },
  { value: 'cron', label: 'Cron, on a time zone’s clock' },
];

const UNIT_LABELS: Record<Interval['unit'], string> = { SECONDS: 'seconds', MINUTES: 'minutes', HOURS: 'hours' };

export function ScheduleField({
  idPrefix,
  schedule,
  problem,
  onChange,
}: {
  idPrefix: string;
  schedule: ScheduleInput;
  problem: string | undefined;
  onChange: (schedule: ScheduleInput) => void;
}) {
  const [intervalDraft, setIntervalDraft] = useState<Interval>(schedule.kind === 'interval' ? schedule : { kind: 'interval', amount: '10', unit: 'MINUTES' });
  const [cronDraft, setCronDraft] = useState<Cron>(schedule.kind === 'cron' ? schedule : { kind: 'cron', expression: '0 1 * * *', timeZone: 'UTC' });
  const id = `${idPrefix}-schedule`;

  const change = (next: ScheduleInput) => {
    if (next.kind === 'interval') setIntervalDraft(next);
    if (next.kind === 'cron') setCronDraft(next);
    onChange(next);
  };
  const choose = (kind: ScheduleInput['kind']) => change(kind === 'interval' ? intervalDraft : kind === 'cron' ? cronDraft : { kind: 'none' });
  const border = borderClass(Boolean(problem));
  /** The parts share one problem, shown under them all. */
  const partProps = (partId: string, hint = false) => ({
    id: partId,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': [hint ? `${partId}-hint` : null, problem ? `${id}-problem` : null].filter(Boolean).join(' ') || undefined,
  });

  return (
    <div className="space-y-2">
      <Field id={id} label="Schedule">
        <select
          {...controlProps(id, undefined, problem)}
          value={schedule.kind}
          onChange={(event) => choose(event.target.value as ScheduleInput['kind'])}
          className={`${INPUT_CLASS} ${border}`}
        >
          {KINDS.map((kind) => (
            <option key={kind.value} value={kind.value}>
              {kind.label}
            </option>
          ))}
        </select>
      </Field>

      {schedule.kind === 'interval' ? (
        <div className="grid grid-cols-2 gap-3">
          <Field id={`${id}-amount`} label="Every">
            <input
              {...partProps(`${id}-amount`)}
              type="number"
              min={1}
              inputMode="numeric"
              value={schedule.amount}
              onChange={(event) => change({ ...schedule, amount: event.target.value })}
              className={`${INPUT_CLASS} ${border}`}
            />
          </Field>
          <Field id={`${id}-unit`} label="Unit">
            <select
              id={`${id}-unit`}
              value={schedule.unit}
              onChange={(event) => change({ ...schedule, unit: event.target.value as Interval['unit'] })}
              className={`${INPUT_CLASS} ${borderClass(false)}`}
            >
              {INTERVAL_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {UNIT_LABELS[unit]}
                </option>
              ))}
            </select>
          </Field>
        </div>
      ) : null}

      {schedule.kind === 'cron' ? (
        <div className="grid grid-cols-2 gap-3">
          <Field id={`${id}-cron`} label="Cron expression" hint="minute hour day-of-month month day-of-week">
            <input
              {...partProps(`${id}-cron`, true)}
              value={schedule.expression}
              onChange={(event) => change({ ...schedule, expression: event.target.value })}
              placeholder="0 1 * * *"
              spellCheck={false}
              autoComplete="off"
              className={`${INPUT_CLASS} font-mono text-[13px] ${border}`}
            />
          </Field>
          <Field id={`${id}-zone`} label="Time zone" hint="Type to search, e.g. Los_Angeles">
            <TimeZoneInput
              {...partProps(`${id}-zone`, true)}
              value={schedule.timeZone}
              onChange={(event) => change({ ...schedule, timeZone: event.target.value })}
              placeholder="America/Los_Angeles"
              className={`${INPUT_CLASS} ${border}`}
            />
          </Field>
        </div>
      ) : null}
      <FieldProblem id={`${id}-problem`} problem={problem} />
    </div>
  );
}
