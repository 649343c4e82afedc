import { describe, expect, it } from 'vitest';
import { popoloDate, popoloDateTime } from './popoloDates.ts';

describe('popoloDate', () => {
  it('keeps a bare date and an instant without fractions; writes an instant with fractions in UTC seconds', () => {
    expect(popoloDate('2019-01-13')).toBe('2019-01-13');
    expect(popoloDate('2019-01-13T09:30:00+08:00')).toBe('2019-01-13T09:30:00+08:00');
    expect(popoloDate('2019-01-13T09:30:00.250+08:00')).toBe('2019-01-13T01:30:00Z');
  });
});

describe('popoloDateTime', () => {
  it("writes a bare date as the start of that day with the committee zone's offset", () => {
    expect(popoloDateTime('2019-01-13', 'Asia/Shanghai')).toBe('2019-01-13T00:00:00+08:00');
    expect(popoloDateTime('2019-07-01', 'America/New_York')).toBe('2019-07-01T00:00:00-04:00');
    expect(popoloDateTime('2019-07-01', 'Asia/Kathmandu')).toBe('2019-07-01T00:00:00+05:45');
    expect(popoloDateTime('2019-07-01', 'UTC')).toBe('2019-07-01T00:00:00+00:00');
  });

  it('keeps an RFC 3339 instant as it is', () => {
    expect(popoloDateTime('2019-01-13T09:30:00.000Z', 'Asia/Shanghai')).toBe('2019-01-13T09:30:00.000Z');
  });
});
