import type { ReactNode } from 'react';

/**
 * The top of a list page: its title, one line saying what is shown (announced as it changes),
 * and the page's links or buttons on the right. The line keeps its height while the data loads,
 * so the page does not jump when it arrives.
 */
export function PageHeader({ title, subtitle, actions, children }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-lg font-semibold">{title}</h1>
        <p className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
          {subtitle ?? '\u00a0'}
        </p>
        {children}
      </div>
      {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
    </div>
  );
}
