/**
 * Snowflake identifiers as the job's arguments give them. They are spliced into SQL text (a
 * table or column name cannot be bound), so anything that is not a well-formed identifier is
 * rejected before it gets near a statement.
 */

const PART = String.raw`(?:[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+")`;
const IDENTIFIER = new RegExp(`^${PART}$`);
const OBJECT_NAME = new RegExp(`^${PART}(?:\\.${PART}){0,2}$`);

/** A column name: unquoted (`REVIEW_TEXT`) or quoted (`"Review text"`). */
export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text);
}

/** A table name with up to two qualifiers: `SAMPLE_REVIEWS`, `GOOGLE_REVIEWS.GOOGLE_REVIEWS.SAMPLE_REVIEWS`. */
export function isObjectName(text: string): boolean {
  return OBJECT_NAME.test(text);
}

