/**
 * What gives the engine underneath away: DuckDB's error prefixes and phrasing, its functions,
 * types, settings and catalog names, and the warehouse's own file names. No answer the local
 * warehouse sends may contain them (errors are translated, engine/engine-messages.ts); the SQL
 * corpus's leak test checks every answer against this list.
 */
const ENGINE_WORDS: readonly RegExp[] = [
  /duckdb/i,
  /\b(?:Catalog|Binder|Parser|Conversion|Constraint|Invalid Input|Out of Range|Not implemented|INTERNAL|Dependency|Transaction|Serialization|Permission|IO|HTTP|Invalid Configuration|Fatal|Interrupt|Sequence|Mismatch Type|Invalid type|Syntax|Execution|Optimizer|Connection|Expression|Parameter Not Allowed|Parameter Not Resolved) [Ee]rror\b/,
  /Did you mean/,
  /\bLINE \d+:/,
  /Candidate (?:functions|macros|bindings|tables)/,
  /explicit type casts?/,
  /\bmacro\b/i,
  /\b(?:HUGEINT|UHUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT|BLOB|INT128|STRUCT|BIGNUM|STRING_LITERAL|INTEGER_LITERAL)\b/,
  /\b(?:json_extract(?:_string)?|json_group_(?:array|object)|list_[a-z_]+|struct_[a-z_]+|array_extract|map_from_entries|regexp_matches|regexp_full_match|string_split(?:_regex)?|strftime|strptime|epoch_ms|read_(?:csv|parquet|json|text|blob)(?:_auto)?|to_timestamp_ms|date_diff|date_sub|unnest|setseed|current_setting)\b/i,
  /\b(?:access_mode|allowed_directories|enable_external_access|errors_as_json|search_path|temp_directory)\b/,
  /\b(?:temp\.main|system\.main|memory\.main)\b/i,
  /\bSF_[A-Z_]+\b/,
  /FLURRY_SYSTEM/,
];

/** Every engine word in `text`: none when it speaks only Snowflake. */
export function engineWordsIn(text: string): string[] {
  return ENGINE_WORDS.flatMap((pattern) => [...text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))].map((found) => found[0]));
}

/** The first engine word in `text`, or null when it speaks only Snowflake. */
export function engineWordIn(text: string): string | null {
  return engineWordsIn(text)[0] ?? null;
}
