/**
 * What the Launch form sends. Shared by the form (to show errors before submitting) and the
 * server action (which validates again: a server action is a public POST endpoint).
 */
import { z } from '@/lib/domain/validation/zod';
import { BATCH_MODES } from './job';

/** Snowflake accepts statements up to 1 MB of text; a batch is held to the same. */
export const MAX_SQL_BYTES = 1_000_000;
export const MAX_LABEL_LENGTH = 200;
export const MAX_STATEMENTS_PER_BATCH = 500;

/** An optional label: trimmed, and null when empty. */
export const labelSchema = z
  .string()
  .trim()
  .max(MAX_LABEL_LENGTH, `A label is at most ${MAX_LABEL_LENGTH} characters.`)
  .transform((label) => (label === '' ? null : label))
  .nullable()
  .default(null);

export const launchInputSchema = z.object({
  sql: z
    .string()
    .refine((sql) => sql.trim().length > 0, 'Write at least one SQL statement.')
    .refine(
      (sql) => new TextEncoder().encode(sql).length <= MAX_SQL_BYTES,
      `SQL is larger than ${MAX_SQL_BYTES.toLocaleString('en-US')} bytes; split it into several launches.`,
    ),
  mode: z.enum(BATCH_MODES),
  label: labelSchema,
});

export type LaunchInput = z.input<typeof launchInputSchema>;
export type ParsedLaunchInput = z.output<typeof launchInputSchema>;
