import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeNextPath } from '@/lib/auth/next-path';
import { config } from '@/lib/config';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

interface Props {
  searchParams: Promise<{ next?: string | string[] }>;
}

export default async function SignInPage({ searchParams }: Props) {
  const { next } = await searchParams;
  const back = safeNextPath(next);
  // Without a token there is no one to sign in as: everyone on this machine is the local user.
  if (config().dashboard.auth.token === null) redirect(back);
  return <SignInForm next={back} />;
}
