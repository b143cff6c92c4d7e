// Injected time: XZ_NOW pins the start instant; tests and /api/dev/clock move it forward.
export interface Clock {
  now(): Date;
  advance(ms: number): void;
  readonly adjustable: boolean;
}

export function systemClock(): Clock {
  return {
    now: () => new Date(),
    advance: () => {
      throw new Error('system clock cannot be moved');
    },
    adjustable: false,
  };
}

/** Starts at `start` and then runs on with real time; advance() shifts it forward. */
export function offsetClock(start: Date): Clock {
  let offset = start.getTime() - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms: number) => {
      offset += ms;
    },
    adjustable: true,
  };
}

/** Frozen clock for tests: only advance() moves it. */
export function fixedClock(start: Date): Clock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
    adjustable: true,
  };
}

/** YYYY-MM-DD of an instant in Asia/Shanghai (UTC+8, no DST). */
export function shanghaiDate(d: Date): string {
  return shanghaiDateTime(d).slice(0, 10);
}

/** YYYY-MM-DD HH:mm of an instant in Asia/Shanghai, as exports print it. */
export function shanghaiDateTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** 00:00 in Asia/Shanghai of a calendar day (YYYY-MM-DD), as a UTC ISO instant. */
export const shanghaiMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();

/** The end of a Shanghai calendar day (exclusive): 00:00 of the next day, as a UTC ISO instant. */
export const shanghaiDayEnd = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString();
