import type { Metadata } from 'next';
import { shortId } from '@/lib/domain/format';
import { JobClient } from './job-client';

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `Job ${shortId(id)}` };
}

export default async function JobPage({ params }: Props) {
  const { id } = await params;
  return <JobClient id={id} />;
}
