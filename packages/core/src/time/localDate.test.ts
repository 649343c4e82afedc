import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endOfDateInput, instantText, localDate, localYear, startOfDateInput } from './localDate.ts';

describe('dates in a committee time zone', () => {
  it('a bare date starts at local midnight in Asia/Shanghai (UTC+8)', () => {
    expect(new Date(startOfDateInput('2019-01-12', 'Asia/Shanghai')).toISOString()).toBe(
      '2019-01-11T16:00:00.000Z',
    );
  });

  it('an act at 2019-12-31T23:30+08:00 belongs to 2019 in Shanghai but to 2019-12-31 UTC 15:30', () => {
    const ms = startOfDateInput('2019-12-31T23:30:00+08:00', 'Asia/Shanghai');
    expect(localYear(ms, 'Asia/Shanghai')).toBe(2019);
    expect(localYear(ms, 'Asia/Tokyo')).toBe(2020);
  });

  it('the end of a bare date is one millisecond before the next local midnight', () => {
    expect(endOfDateInput('2019-12-31', 'Asia/Shanghai') + 1).toBe(
      startOfDateInput('2020-01-01', 'Asia/Shanghai'),
    );
  });

  it('localDate inverts startOfDateInput for any day and zone', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        fc.constantFrom('Asia/Shanghai', 'Asia/Urumqi', 'America/New_York', 'UTC'),
        (d, tz) => {
          const day = d.toISOString().slice(0, 10);
          expect(localDate(startOfDateInput(day, tz), tz)).toBe(day);
        },
      ),
    );
  });

  it('gives the same instant for a date input however often it is asked, in any zone (remembered per zone)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        fc.constantFrom('Asia/Shanghai', 'America/New_York', 'UTC'),
        fc.boolean(),
        (d, tz, bare) => {
          const input = bare ? d.toISOString().slice(0, 10) : d.toISOString();
          const first = startOfDateInput(input, tz);
          expect(startOfDateInput(input, tz)).toBe(first);
          if (!bare) expect(first).toBe(d.getTime());
          else expect(localDate(first, tz)).toBe(input);
        },
      ),
    );
    expect(startOfDateInput('not a date', 'UTC')).toBeNaN();
  });

  it('writes an instant as toISOString does, first time or remembered', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), (d) => {
        expect(instantText(d.getTime())).toBe(d.toISOString());
        expect(instantText(d.getTime())).toBe(d.toISOString());
      }),
    );
    expect(() => instantText(Number.NaN)).toThrow(RangeError);
  });
});
