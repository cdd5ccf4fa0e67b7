/**
 * The Local Moran function the LISA bench page calls, as the bench expects it. The page imports
 * `@bench/local-moran`, which the bench's vite config points at the analysis module found at
 * bench time (src/analysis/local-moran.ts or autocorrelation.ts): declared here, so the project
 * type-checks whether or not that module exists yet.
 */
declare module '@bench/local-moran' {
  /** Compressed sparse row weights (src/analysis/weights.ts `Weights`). */
  interface Weights {
    readonly n: number;
    readonly offsets: Int32Array;
    readonly indices: Int32Array;
    readonly values: Float64Array;
    readonly rowStandardised: boolean;
  }
  interface PermutationOptions {
    permutations?: number;
    seed?: number;
    sampling?: 'without-replacement' | 'with-replacement';
  }
  /** Local Moran's I of every observation and its folded pseudo p-value. */
  export function localMoran(values: ArrayLike<number>, weights: Weights, options?: PermutationOptions): { I: Float64Array; pseudoP: Float64Array };
}
