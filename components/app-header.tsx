'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from '@/lib/actions/sign-out';
import type { Caller } from '@/lib/domain/access';
import { HealthIndicator } from './health-indicator';

const NAV = [
  { href: '/launch', label: 'Launch' },
  { href: '/jobs', label: 'Jobs' },
  { href: '/timeline', label: 'Timeline' },
  { href: '/tasks', label: 'Tasks' },
  { href: '/audit', label: 'Audit' },
] as const;

/** Who is signed in (only when the dashboard asks for a token), and the way out. */
function SignedIn({ who }: { who: Pick<Caller, 'name' | 'access'> }) {
  return (
    <form action={signOut} className="flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400" data-testid="signed-in">
      <span>
        Signed in as <span className="font-medium text-zinc-900 dark:text-zinc-100">{who.name}</span>
        {who.access === 'read-only' ? ' (read-only)' : null}
      </span>
      <span aria-hidden>·</span>
      <button type="submit" className="underline hover:text-zinc-900 dark:hover:text-zinc-100">
        Sign out
      </button>
    </form>
  );
}

/** `signedIn`: who gave the access token, when the dashboard asks for one. */
export function AppHeader({ signedIn }: { signedIn: Pick<Caller, 'name' | 'access'> | null }) {
  const pathname = usePathname();
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/90">
      <div className="mx-auto flex h-12 w-full max-w-[1600px] items-center gap-6 px-4 sm:px-6">
        <Link href="/jobs" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="text-sky-500">❄</span>
          Flurry
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1">
          {NAV.map(({ href, label }) => {
            const current = pathname === href || pathname.startsWith(`${href}/`);
            return (
              <Link
                key={href}
                href={href}
                aria-current={current ? 'page' : undefined}
                className={`rounded-md px-2.5 py-1.5 font-medium ${
                  current
                    ? 'bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-50'
                    : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'
                }`}
              >
                {label}
              </Link>
            );
          })}
        </nav>
        <div className="ml-auto flex items-center gap-4">
          <HealthIndicator />
          {signedIn ? <SignedIn who={signedIn} /> : null}
        </div>
      </div>
    </header>
  );
}
