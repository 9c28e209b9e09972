package io.citypulse.devstack.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

  @TempDir Path directory;

  @Test
  void newPasswordFileIsOwnerOnly() throws IOException {
    SecretFiles secrets = new SecretFiles(directory.resolve("secrets"));

    secrets.readOrCreate("citypulse_ingest");

    Path file = directory.resolve("secrets/citypulse_ingest.password");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("secrets"))));
  }

  @Test
  void passwordIsGeneratedOnce() throws IOException {
    SecretFiles secrets = new SecretFiles(directory.resolve("secrets"));

    String first = secrets.readOrCreate("citypulse_ingest");
    String second = secrets.readOrCreate("citypulse_ingest");

    assertEquals(first, second);
    assertEquals(32, first.length());
  }

  @Test
  void eachNameGetsItsOwnPassword() throws IOException {
    SecretFiles secrets = new SecretFiles(directory.resolve("secrets"));

    assertNotEquals(secrets.readOrCreate("postgres"), secrets.readOrCreate("citypulse_ingest"));
  }

  @Test
  void widenedPermissionsAreRestricted() throws IOException {
    SecretFiles secrets = new SecretFiles(directory.resolve("secrets"));
    secrets.readOrCreate("postgres");
    Path file = secrets.file("postgres");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    secrets.readOrCreate("postgres");

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void emptyPasswordFileIsRejected() throws IOException {
    SecretFiles secrets = new SecretFiles(directory.resolve("secrets"));
    Files.createDirectories(directory.resolve("secrets"));
    Files.writeString(secrets.file("postgres"), "\n");

    assertThrows(IOException.class, () -> secrets.readOrCreate("postgres"));
  }
}
