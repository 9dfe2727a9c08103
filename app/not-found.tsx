import Link from 'next/link';
import { buttonClass } from '@/components/button';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">There is nothing at this address.</p>
      <Link href="/jobs" className={`${buttonClass('secondary')} mt-6`}>
        Go to Jobs
      </Link>
    </div>
  );
}
