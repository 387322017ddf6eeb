/** Small statistics helpers: medians, percentiles, per-repetition ratios. */

/** Median of a list of numbers (NaN for an empty list; non-finite values are ignored). */
export function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The `q` quantile (0..1) of an already sorted array, nearest-rank. */
export function percentile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/** Element-wise ratio of two per-repetition series (a[i] / b[i]). */
export function ratios(a, b) {
  return a.map((value, i) => value / b[i]);
}
