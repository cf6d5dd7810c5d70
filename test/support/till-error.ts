// The code of the TillError a call throws (undefined when it returns); any other error is rethrown, so a test
// never mistakes a crash for a coded refusal.
import { TillError } from '../../preload/contract/errors';

export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof TillError) return error.code;
    throw error;
  }
  return undefined;
}
