package io.citypulse.gateway.ops;

import java.util.Map;
import java.util.TreeMap;

/**
 * The cumulative values of one Prometheus histogram at one time, summed over all its label sets
 * except {@code le}.
 *
 * @param buckets cumulative count per upper bound in seconds, {@code +Inf} included
 */
record PrometheusHistogram(double count, double sum, TreeMap<Double, Double> buckets) {

  /**
   * Parses the histogram's {@code _bucket}, {@code _sum} and {@code _count} lines from a scrape.
   */
  static PrometheusHistogram parse(String exposition, String name) {
    double count = 0;
    double sum = 0;
    TreeMap<Double, Double> buckets = new TreeMap<>();
    for (String line : exposition.split("\n")) {
      if (line.startsWith("#") || !line.startsWith(name)) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      if (space < 0) {
        continue;
      }
      String series = line.substring(0, space);
      double value = parseValue(line.substring(space + 1).trim());
      if (series.startsWith(name + "_bucket")) {
        buckets.merge(upperBound(series), value, Double::sum);
      } else if (series.startsWith(name + "_count")) {
        count += value;
      } else if (series.startsWith(name + "_sum")) {
        sum += value;
      }
    }
    return new PrometheusHistogram(count, sum, buckets);
  }

  private static double upperBound(String series) {
    int start = series.indexOf("le=\"");
    if (start < 0) {
      return Double.POSITIVE_INFINITY;
    }
    int end = series.indexOf('"', start + 4);
    return parseValue(series.substring(start + 4, end));
  }

  private static double parseValue(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  /**
   * Returns the observations between an earlier snapshot and this one, or this one alone when the
   * counters went down (the service restarted in between).
   */
  PrometheusHistogram since(PrometheusHistogram earlier) {
    if (earlier == null || earlier.count > count) {
      return this;
    }
    TreeMap<Double, Double> difference = new TreeMap<>();
    for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
      double before = earlier.buckets.getOrDefault(bucket.getKey(), 0.0);
      difference.put(bucket.getKey(), Math.max(0, bucket.getValue() - before));
    }
    return new PrometheusHistogram(count - earlier.count, sum - earlier.sum, difference);
  }

  /** Average in seconds, or null without observations. */
  Double average() {
    return count <= 0 ? null : sum / count;
  }

  /**
   * Estimates a quantile in seconds by linear interpolation inside the bucket that contains it, as
   * PromQL's {@code histogram_quantile} does; null without observations.
   */
  Double quantile(double quantile) {
    if (count <= 0 || buckets.isEmpty()) {
      return null;
    }
    double rank = quantile * count;
    double lowerBound = 0;
    double lowerCount = 0;
    for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
      if (bucket.getValue() >= rank) {
        if (bucket.getKey().isInfinite()) {
          return lowerBound;
        }
        double inBucket = bucket.getValue() - lowerCount;
        double fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
        return lowerBound + fraction * (bucket.getKey() - lowerBound);
      }
      lowerBound = bucket.getKey();
      lowerCount = bucket.getValue();
    }
    return lowerBound;
  }
}
