import type { Category } from '../corpus-case';

export const semiStructured: Category = [
  { source: 'functions/try_parse_json', sql: "SELECT TRY_PARSE_JSON('{\"a\": 1}'), TRY_PARSE_JSON('{a')", rows: [[{ a: 1 }, null]] },
];
