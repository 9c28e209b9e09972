package io.citypulse.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A one-line description of the machine the benchmark runs on. */
final class MachineInfo {

  private MachineInfo() {}

  static String describe() {
    return String.format(
        Locale.ROOT,
        "%d CPU cores (%s), %d GiB RAM, %s %s, Java %s",
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        memoryGiB(),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.version"));
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static long memoryGiB() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream()
              .filter(line -> line.startsWith("MemTotal:"))
              .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
              .findFirst()
              .orElse(0)
          / (1024 * 1024);
    } catch (IOException e) {
      return 0;
    }
  }
}
