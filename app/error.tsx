'use client';
import { Button } from '@/components/button';

export default function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-lg font-semibold">This page failed to render</h1>
      <p className="mt-2 break-words text-zinc-600 dark:text-zinc-400">{error.message}</p>
      {error.digest ? <p className="mt-1 font-mono text-xs text-zinc-500">digest {error.digest}</p> : null}
      <Button variant="secondary" className="mt-6" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
