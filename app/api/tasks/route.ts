import { answer, json } from '@/lib/http/responses';
import { listTasks } from '@/lib/tasks';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** TaskListData: SHOW TASKS, the structure of every graph (read on demand, not polled). */
export function GET(): Promise<Response> {
  return answer(async () => json(await listTasks()));
}
