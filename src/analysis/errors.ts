/**
 * Errors a user can cause through the analysis options (classes, manual breaks, weights). The
 * `code` is stable so the interface can show its own message in Bahasa Indonesia or English
 * through i18n; the English `message` is for logs and the command line.
 */
/** Stable identifiers of user-caused analysis errors. */
export type AnalysisErrorCode = 'classes_out_of_range' | 'manual_breaks_invalid' | 'weights_invalid' | 'indicators_invalid' | 'lengths_differ';

/** An invalid analysis option or input, with a code for translated messages. */
export class AnalysisError extends RangeError {
  readonly code: AnalysisErrorCode;

  constructor(code: AnalysisErrorCode, message: string) {
    super(message);
    this.name = 'AnalysisError';
    this.code = code;
  }
}
