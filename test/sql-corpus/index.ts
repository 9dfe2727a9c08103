/** The corpus by category. A new category is a file in cases/ listed here. */
import { conditional } from './cases/conditional';
import type { Category } from './corpus-case';

export const CORPUS: Readonly<Record<string, Category>> = {
  conditional,
};
