package io.citypulse.devstack.infra;

import io.citypulse.infra.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.jboss.logging.Logger;

/** Passwords kept in files of mode 0600 inside a folder of mode 0700. */
public final class SecretFiles {

  private static final Logger LOG = Logger.getLogger(SecretFiles.class);
  private static final Set<PosixFilePermission> OWNER_READ_WRITE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER =
      PosixFilePermissions.fromString("rwx------");

  private final Path folder;

  public SecretFiles(Path folder) {
    this.folder = folder;
  }

  /** Returns the file that contains the password called {@code name}. */
  public Path file(String name) {
    return folder.resolve(name + ".password");
  }

  public boolean exists(String name) {
    return Files.exists(file(name));
  }

  /**
   * Returns the password called {@code name}, generating a random one on first use. Makes the file
   * owner-only again if someone widened its permissions.
   */
  public String readOrCreate(String name) throws IOException {
    Path file = file(name);
    if (Files.exists(file)) {
      restrictPermissions(file, OWNER_READ_WRITE);
      String password = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (password.isEmpty()) {
        throw new IOException("Password file " + file + " is empty; delete it to generate one");
      }
      return password;
    }
    createFolder();
    String password = EmbeddedPostgresServer.randomPassword();
    // Write to an owner-only temporary file first so that the password is never world-readable.
    Path temporary =
        Files.createTempFile(
            folder, name, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
    Files.writeString(temporary, password + "\n", StandardCharsets.UTF_8);
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    LOG.infof("Generated password %s", file);
    return password;
  }

  private void createFolder() throws IOException {
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
    }
    restrictPermissions(folder, OWNER_ONLY_FOLDER);
  }

  private static void restrictPermissions(Path path, Set<PosixFilePermission> permissions)
      throws IOException {
    if (!Files.getPosixFilePermissions(path).equals(permissions)) {
      LOG.warnf(
          "Setting the permissions of %s to %s", path, PosixFilePermissions.toString(permissions));
      Files.setPosixFilePermissions(path, permissions);
    }
  }
}
