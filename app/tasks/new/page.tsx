import type { Metadata } from 'next';
import { TaskEditor } from '../task-editor';

export const metadata: Metadata = { title: 'New task' };

export default function NewTaskPage() {
  return <TaskEditor editing={null} />;
}
