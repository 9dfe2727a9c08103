import type { Metadata } from 'next';
import { Suspense } from 'react';
import { shortId } from '@/lib/domain/format';
import { BatchClient } from './batch-client';

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `Batch ${shortId(id)}` };
}

export default async function BatchPage({ params }: Props) {
  const { id } = await params;
  // The zoom lives in the URL's search params, which exist only per request.
  return (
    <Suspense>
      <BatchClient id={id} />
    </Suspense>
  );
}
