/**
 * Errors that the request itself causes, as opposed to the warehouse or the server: input that
 * passed its schema but cannot be run, an id that names no job, a job that cannot give what was
 * asked, a task save that stopped partway. Thrown by lib/jobs, lib/tasks and the actions;
 * lib/errors/public-error.ts words them for the client. Each sets its `name`, by which it is
 * recognised (./named.ts says why).
 */
import { errorNamed } from './named';

/** Input that passed its schema but cannot be run; `field` names the form field to mark. */
export class InputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** A job id that the registry does not know. */
export class JobNotFoundError extends Error {
  constructor(readonly jobId: string) {
    super(`No job has the id "${jobId}".`);
    this.name = 'JobNotFoundError';
  }
}

/** A job whose result cannot be read (it has not succeeded); the message says why. */
export class NoResultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoResultError';
  }
}

/** A job that is not a job service, or one the warehouse has not listed yet, asked for its containers or logs. */
export class NoServiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoServiceError';
  }
}

/** Why a save stopped: the statement that failed, after the ones that ran. */
export class TaskSaveError extends Error {
  constructor(
    readonly ran: readonly string[],
    readonly failed: string,
    cause: unknown,
  ) {
    super(`${failed} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'TaskSaveError';
  }
}

export const isInputError = errorNamed<InputError>('InputError');
export const isJobNotFoundError = errorNamed<JobNotFoundError>('JobNotFoundError');
export const isNoResultError = errorNamed<NoResultError>('NoResultError');
export const isNoServiceError = errorNamed<NoServiceError>('NoServiceError');
export const isTaskSaveError = errorNamed<TaskSaveError>('TaskSaveError');
