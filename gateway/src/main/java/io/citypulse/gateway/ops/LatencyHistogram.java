package io.citypulse.gateway.ops;

/**
 * Counts of durations in exponential bins (each 25% wider than the one before, from 1 ms to about 2
 * minutes), from which percentiles are estimated to within one bin.
 */
final class LatencyHistogram {

  static final double GROWTH = 1.25;
  static final int BINS = 54;

  private LatencyHistogram() {}

  /** Returns the bin of a duration: bin i contains durations up to {@code GROWTH^i} ms. */
  static int bin(double millis) {
    if (millis <= 1) {
      return 0;
    }
    int bin = (int) Math.ceil(Math.log(millis) / Math.log(GROWTH));
    return Math.min(bin, BINS - 1);
  }

  static double upperBound(int bin) {
    return Math.pow(GROWTH, bin);
  }

  /** Estimates a percentile (0 to 1) from bin counts by linear interpolation inside the bin. */
  static double percentile(long[] counts, double quantile) {
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    if (total == 0) {
      return 0;
    }
    double rank = quantile * total;
    long seen = 0;
    for (int bin = 0; bin < counts.length; bin++) {
      if (counts[bin] > 0 && seen + counts[bin] >= rank) {
        double lower = bin == 0 ? 0 : upperBound(bin - 1);
        double fraction = (rank - seen) / counts[bin];
        return lower + fraction * (upperBound(bin) - lower);
      }
      seen += counts[bin];
    }
    return upperBound(counts.length - 1);
  }
}
