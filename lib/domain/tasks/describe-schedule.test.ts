import { describe, expect, it } from 'vitest';
import { describeSchedule } from './describe-schedule';
import { parseSchedule } from './schedule';

const words = (schedule: string) => describeSchedule(parseSchedule(schedule));

describe('describeSchedule', () => {
  it('describes intervals in their largest whole unit', () => {
    expect(words('10 MINUTES')).toBe('every 10 minutes');
    expect(words('1 MINUTE')).toBe('every minute');
    expect(words('120 MINUTES')).toBe('every 2 hours');
    expect(words('90 MINUTES')).toBe('every 90 minutes');
    expect(words('1 HOUR')).toBe('every hour');
    expect(words('30 SECONDS')).toBe('every 30 seconds');
  });

  it('describes daily, weekday and weekend times', () => {
    expect(words('USING CRON 0 1 * * * America/Los_Angeles')).toBe('daily at 01:00, America/Los_Angeles');
    expect(words('USING CRON 30 9 * * MON-FRI Europe/Paris')).toBe('at 09:30 on weekdays (Mon–Fri), Europe/Paris');
    expect(words('USING CRON 0 10 * * 0,6 UTC')).toBe('at 10:00 on weekends (Sat, Sun), UTC');
    expect(words('USING CRON 0 8 * * 1,3,5 UTC')).toBe('at 08:00 on Mon, Wed and Fri, UTC');
    expect(words('USING CRON 0 9,12,15 * * * UTC')).toBe('daily at 09:00, 12:00 and 15:00, UTC');
  });

  it('describes month days, L and the last weekday of the month', () => {
    expect(words('USING CRON 0 0 L * * UTC')).toBe('at 00:00 on the last day of the month, UTC');
    expect(words('USING CRON 0 6 1 * * UTC')).toBe('at 06:00 on day 1 of the month, UTC');
    expect(words('USING CRON 0 6 1,15,L * * UTC')).toBe('at 06:00 on days 1, 15 and the last day of the month, UTC');
    expect(words('USING CRON 0 18 * * 5L UTC')).toBe('at 18:00 on the last Friday of the month, UTC');
  });

  it('describes repeating runs within hours and months', () => {
    expect(words('USING CRON * * * * * UTC')).toBe('every minute, UTC');
    expect(words('USING CRON */15 8-17 * * MON-FRI Europe/Paris')).toBe(
      'every 15 minutes between 08:00 and 17:59 on weekdays (Mon–Fri), Europe/Paris',
    );
    expect(words('USING CRON 5 * * * * UTC')).toBe('every hour at :05, UTC');
    expect(words('USING CRON 0 */6 * * * UTC')).toBe('every 6 hours at :00, UTC');
    expect(words('USING CRON 0 0 1 4/3 * UTC')).toBe('at 00:00 on day 1 of the month in Apr, Jul and Oct, UTC');
    expect(words('USING CRON 0 0 * JUN-AUG * UTC')).toBe('at 00:00 in Jun–Aug, UTC');
  });

  it('falls back to the cron text for shapes without a good sentence', () => {
    expect(words('USING CRON 0 0 13 * FRI UTC')).toBe('cron "0 0 13 * FRI", UTC');
    expect(words('USING CRON 7,19 1-3 * * * UTC')).toBe('cron "7,19 1-3 * * *", UTC');
    expect(words('USING CRON */15 1,3 * * * UTC')).toBe('cron "*/15 1,3 * * *", UTC');
  });
});
