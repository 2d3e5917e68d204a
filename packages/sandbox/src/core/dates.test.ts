import { describe, expect, it } from 'vitest';
import { dateToDay, dayToDate, formatClockTime, isoDateTime, parseClockTime } from './dates';

describe('dates', () => {
  it('formats datetimes exactly like toISOString without milliseconds', () => {
    for (const ms of [
      0,
      Date.UTC(2017, 11, 31, 14, 59, 22, 999),
      Date.UTC(2025, 5, 2, 9),
      Date.UTC(1969, 0, 1, 23, 5, 9),
      1796411915222,
    ]) {
      expect(isoDateTime(ms)).toBe(`${new Date(ms).toISOString().slice(0, 19)}Z`);
    }
  });
  it('round-trips calendar dates and rejects impossible ones', () => {
    expect(dayToDate(dateToDay('2024-02-29')!)).toBe('2024-02-29');
    expect(dateToDay('2023-02-29')).toBeNull();
    expect(dateToDay('2023-2-1')).toBeNull();
  });
  it('formats and parses clock times in 12h and 24h', () => {
    expect(formatClockTime(8 * 60, '12h')).toBe('8:00am');
    expect(formatClockTime(12 * 60 + 5, '12h')).toBe('12:05pm');
    expect(formatClockTime(0, '12h')).toBe('12:00am');
    expect(formatClockTime(14 * 60 + 30, '24h')).toBe('14:30');
    expect(parseClockTime('8:00am')).toBe(480);
    expect(parseClockTime('12:00am')).toBe(0);
    expect(parseClockTime('2:59pm')).toBe(14 * 60 + 59);
    expect(parseClockTime('14:30')).toBe(870);
    expect(parseClockTime('25:00')).toBeNull();
    expect(parseClockTime('13:00pm')).toBeNull();
  });
});
