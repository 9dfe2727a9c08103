import type { Metadata } from 'next';
import { TaskEditor } from '../../task-editor';

interface Props {
  params: Promise<{ name: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: `Edit ${decodeURIComponent(name)}` };
}

export default async function EditTaskPage({ params }: Props) {
  const { name } = await params;
  return <TaskEditor editing={decodeURIComponent(name)} />;
}
