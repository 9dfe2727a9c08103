/**
 * A labelled control of the task form with its hint and its problem under it. The label holds
 * only the field's name, so tests and screen readers find each control by that name alone.
 */
import type { ReactNode } from 'react';

const INPUT_SHAPE = 'block h-8 w-full rounded-md border px-2.5';
export const INPUT_CLASS = `${INPUT_SHAPE} bg-white dark:bg-zinc-900`;
/** A value shown but not editable, such as an edited task's name. */
export const LOCKED_INPUT_CLASS = `${INPUT_SHAPE} bg-zinc-100 text-zinc-500 dark:bg-zinc-800`;
export const AREA_CLASS = 'block w-full resize-y rounded-md border bg-white px-2.5 py-1.5 font-mono text-[13px] leading-5 dark:bg-zinc-900';

export function borderClass(invalid: boolean): string {
  return invalid ? 'border-red-500' : 'border-zinc-300 dark:border-zinc-700';
}

/** The ids a control points at with aria-describedby: its hint and its problem, when shown. */
export function describedBy(id: string, hint: ReactNode, problem: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, problem ? `${id}-problem` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** Accessibility props for the control of a Field with this id, hint and problem. */
export function controlProps(id: string, hint: ReactNode, problem: string | undefined) {
  return { id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': describedBy(id, hint, problem) } as const;
}

export function FieldProblem({ id, problem }: { id: string; problem: string | undefined }) {
  if (!problem) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-xs font-medium whitespace-pre-line text-red-700 dark:text-red-400">
      {problem}
    </p>
  );
}

export function Field({
  id,
  label,
  hint,
  problem,
  children,
  className = '',
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  problem?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
      <FieldProblem id={`${id}-problem`} problem={problem} />
    </div>
  );
}
