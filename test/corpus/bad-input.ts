/**
 * The corpus of bad input, which must be refused with a clear reason and without losing
 * anything. Each category is a table of cases in its own module, driven by a few test files, so
 * adding a case is one line and the number of cases per category shows in the test names.
 */

/** One bad input and what its refusal must say: `expect` names what is wrong and where. */
export interface BadInput<T> {
  name: string;
  input: T;
  expect: RegExp;
}

export const MB = 1024 * 1024;
