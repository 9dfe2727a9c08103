/**
 * The nuqs parsers of the job filter's parameters, for the pages that keep a filter in their URL
 * (Jobs, Timeline). Names and choices come from the codec, so a page's URL
 * (?phase=running,failed&kind=query) reads as the same filter on the page and at the routes.
 */
import { parseAsArrayOf, parseAsString, parseAsStringLiteral } from 'nuqs';
import { FILTER_CHOICES, type FilterUrlState } from '@/lib/domain/job-filter-codec';

export const filterUrlParsers = {
  phase: parseAsArrayOf(parseAsStringLiteral(FILTER_CHOICES.phase)).withDefault([]),
  kind: parseAsStringLiteral(FILTER_CHOICES.kind),
  origin: parseAsStringLiteral(FILTER_CHOICES.origin),
  batch: parseAsString,
  q: parseAsString.withDefault(''),
  label: parseAsString.withDefault(''),
} satisfies Record<keyof FilterUrlState, unknown>;
