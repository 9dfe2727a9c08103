'use client';
/**
 * The caller's access, from the root layout (which reads it on the server), for the controls
 * that launch, cancel or change: a read-only caller sees them disabled, with the reason. The
 * server refuses such calls anyway; this only spares the click.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { READ_ONLY_REFUSAL, type Access } from '@/lib/domain/access';

const AccessContext = createContext<Access>('full');

export function AccessProvider({ access, children }: { access: Access; children: ReactNode }) {
  return <AccessContext value={access}>{children}</AccessContext>;
}

/** Disables every control inside for a read-only caller; `note` also says why above them. */
export function ChangeControls({ children, note = false }: { children: ReactNode; note?: boolean }) {
  if (useContext(AccessContext) === 'full') return children;
  return (
    <>
      {note ? (
        <p role="note" data-testid="read-only-note" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          {READ_ONLY_REFUSAL}
        </p>
      ) : null}
      <fieldset disabled title={READ_ONLY_REFUSAL} className="contents">
        {children}
      </fieldset>
    </>
  );
}
