import { answer, json } from '@/lib/http/responses';
import { taskFormContext } from '@/lib/tasks';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** TaskFormContext: the session's database and schema, and the warehouses, for the task form. */
export function GET(): Promise<Response> {
  return answer(async () => json(await taskFormContext()));
}
