import type { Category } from '../corpus-case';

export const conversion: Category = [
  { source: 'functions/to_boolean', sql: "SELECT TO_BOOLEAN('yes'), TO_BOOLEAN('Off'), TO_BOOLEAN(NULL)", rows: [[true, false, null]] },
  { source: 'functions/to_boolean', sql: "SELECT TO_BOOLEAN('maybe')", error: { code: '100037', message: "Boolean value 'maybe' is not recognized" } },
];
