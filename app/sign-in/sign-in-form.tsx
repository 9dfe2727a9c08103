'use client';
import { useActionState } from 'react';
import { Button } from '@/components/button';
import { FormError } from '@/components/form-error';
import { signIn } from '@/lib/actions/sign-in';
import { MAX_NAME_LENGTH } from '@/lib/domain/access';

const FIELD = 'mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 dark:border-zinc-700 dark:bg-zinc-900';

/** Works before hydration too: the form posts to the server action itself. */
export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signIn, null);
  return (
    <div className="mx-auto mt-16 max-w-sm">
      <h1 className="flex items-center gap-2 text-lg font-semibold">
        <span aria-hidden className="text-sky-500">❄</span>
        Sign in to Flurry
      </h1>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">This dashboard asks for its access token. Whoever runs it can give you one.</p>
      <form action={action} aria-label="Sign in" className="mt-5 space-y-4">
        <input type="hidden" name="next" value={next} />
        <label className="block font-medium">
          Access token
          <input name="token" type="password" required autoComplete="current-password" autoFocus className={FIELD} />
        </label>
        <label className="block font-medium">
          Your name <span className="font-normal text-zinc-500">(optional; the audit log shows it)</span>
          <input name="name" type="text" maxLength={MAX_NAME_LENGTH} autoComplete="name" className={FIELD} />
        </label>
        <Button type="submit" variant="primary" disabled={pending} className="w-full">
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
        <FormError message={state && !state.ok ? state.error : null} />
      </form>
    </div>
  );
}
