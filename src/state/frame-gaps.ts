/**
 * The main thread's longest pause while something runs elsewhere (the national LISA in the
 * workers): gaps between animation frames, recorded until stopped. A page that froze for the run
 * would show one gap as long as the run; a responsive one shows about a frame (16-17 ms).
 */

/** Starts recording; the returned function stops and gives the longest gap in ms (NaN without two frames). */
export function watchFrameGaps(): () => number {
  let last = Number.NaN;
  let longest = Number.NaN;
  let running = true;
  const tick = (now: number) => {
    if (!Number.isNaN(last) && !(now - last <= longest)) longest = now - last;
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => {
    running = false;
    return longest;
  };
}
