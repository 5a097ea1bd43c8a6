import { CliError } from '../../src/local/exit';
import { NodeClock, isValidTimeZone } from '../../src/local/clock';

describe('NodeClock', () => {
  const instant = Date.UTC(2026, 10, 27, 21, 30, 15); // 27.11.2026 21:30:15 UTC

  it('gives wall-clock time in Moscow by default', () => {
    const clock = new NodeClock(undefined, () => instant);
    expect(clock.timeZone).toBe('Europe/Moscow');
    expect(clock.nowMs()).toBe(instant);
    expect(clock.today()).toEqual({ year: 2026, month: 11, day: 28, hour: 0, minute: 30, second: 15 });
  });

  it('follows another zone, across a date line and at midnight', () => {
    expect(new NodeClock('Asia/Vladivostok', () => instant).today()).toMatchObject({ day: 28, hour: 7 });
    expect(new NodeClock('America/New_York', () => instant).today()).toMatchObject({ day: 27, hour: 16 });
    expect(new NodeClock('UTC', () => Date.UTC(2026, 0, 1)).today()).toEqual({ year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
  });

  it('refuses an unknown zone with a Russian usage error', () => {
    expect(isValidTimeZone('Europe/Nowhere')).toBe(false);
    expect(() => new NodeClock('Europe/Nowhere')).toThrow(CliError);
    expect(() => new NodeClock('Europe/Nowhere')).toThrow(/Неизвестный часовой пояс/);
  });
});
