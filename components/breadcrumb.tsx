import Link from 'next/link';
import { Fragment, type ReactNode } from 'react';

/** Where a page sits: links up the way, then the page itself (the last item, not a link). */
export function Breadcrumb({ trail, current }: { trail: { href: string; label: ReactNode }[]; current: ReactNode }) {
  return (
    <nav aria-label="Breadcrumb" className="text-xs text-zinc-500">
      {trail.map(({ href, label }) => (
        <Fragment key={href}>
          <Link href={href} className="hover:underline">
            {label}
          </Link>
          <span aria-hidden> / </span>
        </Fragment>
      ))}
      <span className="font-mono">{current}</span>
    </nav>
  );
}
