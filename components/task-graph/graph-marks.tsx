/** The node marks, drawn rather than typed: not every system font has ⏸ or ⚑. */
const MARK = 'size-3 shrink-0 fill-current';

export function SuspendedMark() {
  return (
    <svg aria-hidden viewBox="0 0 12 12" className={MARK}>
      <rect x="2.5" y="2" width="2.5" height="8" rx="0.5" />
      <rect x="7" y="2" width="2.5" height="8" rx="0.5" />
    </svg>
  );
}

export function FinalizerMark() {
  return (
    <svg aria-hidden viewBox="0 0 12 12" className={MARK}>
      <rect x="2" y="1.5" width="1.5" height="9.5" rx="0.5" />
      <path d="M3.5 2h6.5l-1.75 2.5L10 7H3.5z" />
    </svg>
  );
}
