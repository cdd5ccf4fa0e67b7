/** What the national Local Moran page (lisa-national.ts) exposes on `window.bench`. Types only. */

/** Gaps between requestAnimationFrame callbacks on the main thread during one run, ms. */
export interface FrameGaps {
  frames: number;
  max: number;
  /** When the largest gap ended, ms after the request (≈ the run's time: it came with the result). */
  maxEndsAt: number;
  p95: number;
}

/** The national Local Moran page (the app's analysis worker). */
export interface LisaNationalApi {
  /**
   * Fetches the binary CSR + values at `url`, warms `workers` analysis workers up (9 permutations,
   * untimed; default: one per reported core, as the app), then `reps` runs of 999 permutations
   * (seed 1..reps) split across them: ms from request to result and the frame gaps of each, I_i of
   * the last run and its islands, and the pseudo p of the first (seed 1, to compare worker counts).
   */
  lisaNational(
    url: string,
    reps: number,
    workers?: number,
  ): Promise<{ ms: number[]; frames: FrameGaps[]; progressMessages: number; workers: number; I: number[]; pseudoP: number[]; islands: number; n: number }>;
}

/** `window` of the page, as the runner sees it. */
export interface LisaNationalWindow {
  bench: LisaNationalApi;
}
