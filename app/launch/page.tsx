import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LaunchTabs } from './launch-tabs';

export const metadata: Metadata = { title: 'Launch' };

export default function LaunchPage() {
  // Which form shows comes from the URL's search params, which exist only per request.
  return (
    <Suspense>
      <LaunchTabs />
    </Suspense>
  );
}
