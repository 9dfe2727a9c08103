import type { Metadata } from 'next';
import { Suspense } from 'react';
import { GraphClient } from './graph-client';

interface Props {
  params: Promise<{ name: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: `Task ${decodeURIComponent(name)}` };
}

export default async function TaskGraphPage({ params }: Props) {
  const { name } = await params;
  // The chosen run and task live in the URL's search params, which exist only per request.
  return (
    <Suspense>
      <GraphClient name={decodeURIComponent(name)} />
    </Suspense>
  );
}
