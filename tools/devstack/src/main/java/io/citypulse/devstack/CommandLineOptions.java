package io.citypulse.devstack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code --name value} options of the devstack main classes. Every option takes a value;
 * {@code --help} is recognized on its own.
 */
public final class CommandLineOptions {

  private final Map<String, String> values;
  private final boolean helpRequested;

  private CommandLineOptions(Map<String, String> values, boolean helpRequested) {
    this.values = values;
    this.helpRequested = helpRequested;
  }

  /**
   * Parses the arguments.
   *
   * @param allowed option names including the leading dashes
   * @throws IllegalArgumentException on an unknown option or an option without value
   */
  public static CommandLineOptions parse(String[] args, List<String> allowed) {
    Map<String, String> values = new HashMap<>();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--help") || name.equals("-h")) {
        help = true;
      } else if (!allowed.contains(name)) {
        throw new IllegalArgumentException(
            "Unknown option '" + name + "'; known options: " + String.join(", ", allowed));
      } else if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + name + " needs a value");
      } else {
        values.put(name, args[++i]);
      }
    }
    return new CommandLineOptions(values, help);
  }

  public boolean helpRequested() {
    return helpRequested;
  }

  public String get(String name, String defaultValue) {
    return values.getOrDefault(name, defaultValue);
  }

  public int getInt(String name, int defaultValue) {
    String value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid value '" + value + "' for " + name + ": expected a whole number");
    }
  }

  public double getDouble(String name, double defaultValue) {
    String value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid value '" + value + "' for " + name + ": expected a number such as 1.5");
    }
  }
}
