// clock: local time from a Date and from "yyyy-mm-ddTHH:MM", and working time with holidays.
import { describe, expect, it } from 'vitest';
import { holidayOn, inWorkingTime, localTimeOf, parseLocalTime } from './clock';

describe('parseLocalTime', () => {
  it.each([
    ['2026-11-23T10:15', { date: '2026-11-23', weekday: 0, minutes: 615 }],
    ['2026-11-29 23:59', { date: '2026-11-29', weekday: 6, minutes: 1439 }],
    ['2024-02-29T00:00:30', { date: '2024-02-29', weekday: 3, minutes: 0 }],
  ])('%s', (s, expected) => {
    expect(parseLocalTime(s)).toEqual(expected);
  });
  it.each(['2026-02-30T10:00', '2026-11-23T24:00', '2026-11-23T10:60', '2026-11-23T10:15Z', '2026-11-23T10:15+01:00', '23/11/2026 10:15', '', '2026-11-23'])(
    'refuses %j',
    (s) => {
      expect(parseLocalTime(s)).toBeNull();
    },
  );
});

describe('localTimeOf', () => {
  it('reads the local fields of a Date', () => {
    const d = new Date(2026, 10, 27, 8, 5); // local Friday 27 November 2026, 08:05
    expect(localTimeOf(d)).toEqual({ date: '2026-11-27', weekday: 4, minutes: 485 });
  });
});

describe('inWorkingTime', () => {
  const hours = { days: ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[], start: '08:30', end: '16:00' };
  const holidays = [
    { name: 'Christmas holidays', from: '2026-12-19', to: '2027-01-03' },
    { name: 'Closure day', from: '2026-11-27', to: '2026-11-27' },
  ];
  const at = (s: string) => parseLocalTime(s)!;
  it.each([
    ['2026-11-23T08:30', true], // start is inclusive
    ['2026-11-23T15:59', true],
    ['2026-11-23T16:00', false], // end is exclusive
    ['2026-11-23T08:29', false],
    ['2026-11-28T10:00', false], // Saturday
    ['2026-11-27T10:00', false], // closure day
    ['2026-12-21T10:00', false], // Christmas holidays
    ['2027-01-04T10:00', true], // back at school
  ])('%s → %s', (s, expected) => {
    expect(inWorkingTime(at(s), hours, holidays)).toBe(expected);
  });
  it('is never working time without hours', () => {
    expect(inWorkingTime(at('2026-11-23T10:00'), undefined)).toBe(false);
  });
  it('names the holiday', () => {
    expect(holidayOn(at('2026-12-25T10:00'), holidays)?.name).toBe('Christmas holidays');
    expect(holidayOn(at('2026-12-18T10:00'), holidays)).toBeUndefined();
  });
});
