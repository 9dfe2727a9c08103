/** Where a task graph's pages live: the root's (or any task's) qualified name in the path. */
export function taskGraphHref(name: string): string {
  return `/tasks/${encodeURIComponent(name)}`;
}

export function editTaskHref(name: string): string {
  return `${taskGraphHref(name)}/edit`;
}
