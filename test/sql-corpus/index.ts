/** The corpus by category. A new category is a file in cases/ listed here. */
import { aggregates } from './cases/aggregates';
import { conditional } from './cases/conditional';
import { conversion } from './cases/conversion';
import { dateTime } from './cases/date-time';
import { errors } from './cases/errors';
import { numbers } from './cases/numbers';
import { queries } from './cases/queries';
import { semiStructured } from './cases/semi-structured';
import { session } from './cases/session';
import { statements } from './cases/statements';
import { strings } from './cases/strings';
import { tasksServices } from './cases/tasks-services';
import type { Category } from './corpus-case';

export const CORPUS: Readonly<Record<string, Category>> = {
  conversion,
  conditional,
  'date and time': dateTime,
  strings,
  numbers,
  'semi-structured': semiStructured,
  'aggregates and windows': aggregates,
  statements,
  'queries and DML': queries,
  session,
  'tasks, services and account usage': tasksServices,
  'constraints and errors': errors,
};
