package io.citypulse.devstack.infra;

import java.nio.file.Path;

/**
 * The local stack's working folder, {@code .citypulse/} in the repository by default (system
 * property {@code citypulse.state.dir} overrides it). It is git-ignored and kept between runs.
 */
public record StateDirectory(Path root) {

  /** Returns the folder named by {@code citypulse.state.dir}, or {@code .citypulse}. */
  public static StateDirectory fromSystemProperty() {
    return new StateDirectory(
        Path.of(System.getProperty("citypulse.state.dir", ".citypulse")).toAbsolutePath());
  }

  /** Generated passwords, one file each, readable by the owner only. */
  public Path secrets() {
    return root.resolve("secrets");
  }

  /** PID files and the connection settings of each service database. */
  public Path run() {
    return root.resolve("run");
  }

  /** Folder with one {@code <database>.env} file per service database, without the password. */
  public Path datasources() {
    return run().resolve("datasources");
  }

  /** Data folder of the embedded PostgreSQL cluster. */
  public Path postgresData() {
    return root.resolve("postgres");
  }

  /** Configuration and log folder of the Kafka broker. */
  public Path kafka() {
    return root.resolve("kafka");
  }
}
