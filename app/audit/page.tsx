import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AuditClient } from './audit-client';

export const metadata: Metadata = { title: 'Audit log' };

export default function AuditPage() {
  // The filters come from the URL's search params, which exist only per request.
  return (
    <Suspense>
      <AuditClient />
    </Suspense>
  );
}
