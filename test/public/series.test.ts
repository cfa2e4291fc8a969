import { describe, expect, test } from "vitest";
import { monthEnds, thinSeries } from "../../loaders/public/thinSeries.ts";

const p = (date: string, value: number) => ({ date, value });

describe("monthEnds", () => {
  test("should keep the last weekly point of each month and the final point", () => {
    const weekly = [p("2026-01-09", 1), p("2026-01-30", 2), p("2026-02-06", 4), p("2026-02-27", 9), p("2026-03-06", 10)];
    expect(monthEnds(weekly)).toEqual([p("2026-01-30", 2), p("2026-02-27", 9), p("2026-03-06", 10)]);
  });
});

describe("thinSeries", () => {
  test("should drop values below 3 and steps of 1 or 2, keeping steps of 0 and of 3 or more", () => {
    // 2 is too small; 3 starts; 4 is 1 up (dropped); 6 is 3 up from 3; 6 again is no change; 8 is 2 up (dropped); 9 is 3 up.
    const months = [p("2025-01-31", 2), p("2025-02-28", 3), p("2025-03-31", 4), p("2025-04-30", 6), p("2025-05-31", 6), p("2025-06-30", 8), p("2025-07-31", 9)];
    expect(thinSeries(months, 3)).toEqual([p("2025-02-28", 3), p("2025-04-30", 6), p("2025-05-31", 6), p("2025-07-31", 9)]);
  });

  test("should keep the final point by dropping earlier points until its step is safe", () => {
    // 10 is 1 above 9 and 4 above 6: 9 goes so that the step to the final 10 is 4.
    const months = [p("2025-01-31", 3), p("2025-02-28", 6), p("2025-03-31", 9), p("2025-04-30", 10)];
    expect(thinSeries(months, 3)).toEqual([p("2025-01-31", 3), p("2025-02-28", 6), p("2025-04-30", 10)]);
  });

  test("should treat a fall like a rise", () => {
    expect(thinSeries([p("2025-01-31", 8), p("2025-02-28", 7), p("2025-03-31", 4)], 3)).toEqual([p("2025-01-31", 8), p("2025-03-31", 4)]);
  });

  test("should publish nothing when the final value is below 3", () => {
    expect(thinSeries([p("2025-01-31", 5), p("2025-02-28", 2)], 3)).toEqual([p("2025-01-31", 5)]);
  });
});
