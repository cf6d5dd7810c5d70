// A Region call that did not succeed, as the error the till's UI is shown: the Region's own code when the
// contract knows it, and an unreachable Region (with why) when no answer came.
import { TillError } from '../../preload/contract';
import type { RegionOutcome } from '../region/client';
import { asErrorCode } from './outcome-view';

export function regionFailure(outcome: Exclude<RegionOutcome<unknown>, { kind: 'ok' }>): TillError {
  if (outcome.kind === 'refused')
    return new TillError(asErrorCode(outcome.code) ?? 'VALIDATION_FAILED', outcome.detail);
  return new TillError(
    'REGION_UNREACHABLE',
    outcome.kind === 'unknown' ? outcome.detail : `HTTP ${outcome.status}`,
  );
}
