import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TimelineClient } from './timeline-client';

export const metadata: Metadata = { title: 'Timeline' };

export default function TimelinePage() {
  // The filters and the zoom come from the URL's search params, which exist only per request.
  return (
    <Suspense>
      <TimelineClient />
    </Suspense>
  );
}
