package io.citypulse.devstack.infra;

import io.citypulse.infra.DatabaseLogin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the connection settings of each service database as {@code KEY=value} lines in the
 * environment variable names Quarkus reads, for the {@code citypulse} script to pass on. The
 * password is left out: the script reads it from the secrets folder.
 */
public final class DatasourceFiles {

  private final Path folder;

  public DatasourceFiles(Path folder) {
    this.folder = folder;
  }

  /**
   * Writes {@code <database>.env}.
   *
   * @param urlParameters query string appended to both URLs, such as {@code sslmode=require}, or
   *     empty
   */
  public Path write(DatabaseLogin login, String urlParameters) throws IOException {
    Files.createDirectories(folder);
    String query = urlParameters.isEmpty() ? "" : "?" + urlParameters;
    String content =
        "QUARKUS_DATASOURCE_USERNAME="
            + login.user()
            + "\nQUARKUS_DATASOURCE_JDBC_URL="
            + login.jdbcUrl()
            + query
            + "\nQUARKUS_DATASOURCE_REACTIVE_URL="
            + login.reactiveUrl()
            + query
            + "\n";
    Path file = folder.resolve(login.database() + ".env");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
