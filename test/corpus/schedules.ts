/**
 * Task SCHEDULE strings that cannot run: impossible cron fields and days, unknown time zones,
 * intervals out of range. Each refusal names the field or value. Read by parseSchedule
 * (lib/domain/tasks/schedule.ts) and by CREATE TASK on the local warehouse, whose message is the
 * parser's inside "Invalid SCHEDULE: … (line 1 at position P)".
 */
import type { BadInput } from './bad-input';

const schedule = (input: string, expect: RegExp, name = input || '(empty)'): BadInput<string> => ({ name, input, expect });

export const badSchedules: BadInput<string>[] = [
  schedule('USING CRON 61 * * * * UTC', /minute field "61" is out of range 0–59/),
  schedule('USING CRON 0 24 * * * UTC', /hour field "24" is out of range 0–23/),
  schedule('USING CRON 0 0 0 * * UTC', /day-of-month field "0" is out of range 1–31/),
  schedule('USING CRON 0 0 * 13 * UTC', /month field "13" is out of range 1–12/),
  schedule('USING CRON 0 0 * * 7 UTC', /day-of-week field "7" is out of range 0–6/),
  schedule('USING CRON 0 0 31 2 * UTC', /USING CRON 0 0 31 2 \* never runs: no date matches day-of-month "31", month "2" and day-of-week "\*" together/),
  schedule('USING CRON 0 0 31 APR,JUN,SEP,NOV * UTC', /never runs: no date matches day-of-month "31", month "APR,JUN,SEP,NOV"/),
  schedule('USING CRON 0 0 * * * Mars/Olympus', /unknown time zone "Mars\/Olympus" \(use an IANA name/),
  schedule('USING CRON 0 0 * * *', /needs 5 fields and a time zone .*got 5 parts: "0 0 \* \* \*"/),
  schedule('USING CRON 0 0 * * * * UTC', /needs 5 fields and a time zone .*got 7 parts/),
  schedule('USING CRON @hourly UTC', /needs 5 fields and a time zone .*got 2 parts: "@hourly UTC"/),
  schedule('USING CRON */99999999999999999999 * * * * UTC', /minute field step "\/99999999999999999999" in "\*\/99999999999999999999" must be a whole number from 1 to 59/),
  schedule('USING CRON 5-1 * * * * UTC', /minute field range "5-1" runs backwards/),
  schedule('USING CRON 0 0 ? * * UTC', /day-of-month field "\?" is not a number 1–31/),
  schedule('USING CRON 0 0 * * L UTC', /day-of-week field "L" needs a weekday before it/),
  schedule('USING CRON 0,,5 * * * * UTC', /minute field "0,,5" has an empty list item/),
  schedule('', /SCHEDULE "" is not '<n> MINUTES\|HOURS\|SECONDS' or 'USING CRON/),
  schedule('0 MINUTE', /SCHEDULE interval "0" must be a whole number of at least 1/),
  schedule('-5 MINUTE', /SCHEDULE "-5 MINUTE" is not '<n> MINUTES/),
  schedule('99999999999 MINUTE', /SCHEDULE interval "99999999999 MINUTE" is longer than 8 days, .*at most 11,520 MINUTES/),
  schedule('5 DAYS', /SCHEDULE "5 DAYS" is not '<n> MINUTES\|HOURS\|SECONDS'/),
];
