import type { Metadata } from 'next';
import { Suspense } from 'react';
import { JobsClient } from './jobs-client';

export const metadata: Metadata = { title: 'Jobs' };

export default function JobsPage() {
  // The filters come from the URL's search params, which exist only per request.
  return (
    <Suspense>
      <JobsClient />
    </Suspense>
  );
}
