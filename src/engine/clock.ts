/**
 * Local wall-clock time for clock-driven rules (working-hours, wiki-edit). Pure: no browser API and no
 * reading of the clock here; the background passes `new Date()` in, the CLI and tests a fixed time.
 */
import type { Holiday, WorkingHours } from '../pack/types';
import { WEEKDAYS } from '../pack/types';
import type { LocalTime } from './types';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The local time of `d` in the runtime's own time zone (the user's, in the browser). */
export function localTimeOf(d: Date): LocalTime {
  return Object.freeze({
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    // Date#getDay is 0 = Sunday; the pack's week starts on Monday.
    weekday: (d.getDay() + 6) % 7,
    minutes: d.getHours() * 60 + d.getMinutes(),
  });
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/;

/**
 * "2026-11-23T10:15" (a local time, no zone: what the user's clock showed) → LocalTime, or null when
 * it is not a real date and time. A zone suffix is refused: the rules need the local wall clock.
 */
export function parseLocalTime(s: string): LocalTime | null {
  const m = LOCAL_RE.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (h > 23 || mi > 59) return null;
  const utc = new Date(Date.UTC(y, mo - 1, d));
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== mo - 1 || utc.getUTCDate() !== d) return null;
  return Object.freeze({ date: `${m[1]}-${m[2]}-${m[3]}`, weekday: (utc.getUTCDay() + 6) % 7, minutes: h * 60 + mi });
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The holiday `now` falls in (ISO dates compare as strings), if any. */
export function holidayOn(now: LocalTime, holidays: readonly Holiday[] | undefined): Holiday | undefined {
  return holidays?.find((h) => h.from <= now.date && now.date <= h.to);
}

/**
 * Whether `now` is working time: a working day, from `start` up to but not including `end`, and not
 * inside one of the school's holidays (half-terms, bank holidays, INSET days off…).
 */
export function inWorkingTime(now: LocalTime, hours: WorkingHours | undefined, holidays?: readonly Holiday[]): boolean {
  if (!hours) return false;
  const day = WEEKDAYS[now.weekday];
  if (!day || !hours.days.includes(day)) return false;
  if (now.minutes < minutesOf(hours.start) || now.minutes >= minutesOf(hours.end)) return false;
  return holidayOn(now, holidays) === undefined;
}
