/**
 * Recognises this project's errors by the `name` each class sets, not by `instanceof`. Next.js
 * loads server actions, route handlers and the process's shared singletons (the token checker,
 * the warehouse pool, the tracker, kept on globalThis) as separate module graphs, each with its
 * own copy of every class: an error made in one graph is not an `instanceof` the class another
 * graph imported, and would be reported as an unexpected failure. Every copy sets the same name.
 */
import type { AccessError } from '@/lib/auth/errors';
import type { InputError, JobNotFoundError, NoResultError, NoServiceError } from '@/lib/jobs/input-error';
import type { TaskSaveError } from '@/lib/tasks';
import type { WarehouseError, WarehouseUnavailableError } from '@/lib/warehouse/errors';

function named<T extends Error>(name: string): (error: unknown) => error is T {
  return (error): error is T => typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}

export const isAccessError = named<AccessError>('AccessError');
export const isInputError = named<InputError>('InputError');
export const isJobNotFoundError = named<JobNotFoundError>('JobNotFoundError');
export const isNoResultError = named<NoResultError>('NoResultError');
export const isNoServiceError = named<NoServiceError>('NoServiceError');
export const isTaskSaveError = named<TaskSaveError>('TaskSaveError');
export const isWarehouseError = named<WarehouseError>('WarehouseError');
export const isWarehouseUnavailableError = named<WarehouseUnavailableError>('WarehouseUnavailableError');
