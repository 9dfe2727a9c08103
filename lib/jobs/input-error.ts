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
