/** One measured figure of `npm run bench`. `target` is a comparison like "<=1.5" or ">=500". */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

export interface BenchContext {
  /** A short variant (CI, smoke): fewer iterations, same figures. */
  quick: boolean;
}

export type Bench = (ctx: BenchContext) => Promise<Figure[]>;

/** Whether a figure meets its target; undefined when it has none. */
export function meetsTarget(value: number, target: string | undefined): boolean | undefined {
  if (!target) return undefined;
  const m = /^(<=|>=|<|>)\s*(-?\d+(?:\.\d+)?)$/.exec(target.trim());
  if (!m) return undefined;
  const limit = Number(m[2]);
  switch (m[1]) {
    case '<=':
      return value <= limit;
    case '>=':
      return value >= limit;
    case '<':
      return value < limit;
    default:
      return value > limit;
  }
}

/** Percentile of a sample (nearest rank); the sample need not be sorted. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** A figure as the table prints it: two decimals. */
export const round = (n: number): number => Math.round(n * 100) / 100;
