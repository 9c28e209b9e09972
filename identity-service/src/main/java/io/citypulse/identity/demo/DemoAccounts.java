package io.citypulse.identity.demo;

import io.citypulse.access.Role;
import io.citypulse.identity.client.ClientAdminService;
import io.citypulse.identity.config.IdentityConfig;
import io.citypulse.identity.event.Actor;
import io.citypulse.identity.event.EventType;
import io.citypulse.identity.event.Outbox;
import io.citypulse.identity.password.PasswordHasher;
import io.citypulse.identity.user.User;
import io.citypulse.identity.user.UserRepository;
import io.citypulse.identity.user.UserStatus;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates the Hechingen demo accounts and the demo gateway client at start when {@code
 * citypulse.identity.demo.enabled} is true, which only the {@code local} profile sets. Existing
 * accounts are left as they are.
 */
@ApplicationScoped
public class DemoAccounts {

  private record DemoAccount(String email, String name, Role role, List<String> buildings) {}

  private static final List<DemoAccount> ACCOUNTS =
      List.of(
          new DemoAccount("admin@hechingen.de", "Demo Admin", Role.ADMIN, List.of()),
          new DemoAccount("technik@hechingen.de", "Demo Technik", Role.TECHNIKER, List.of()),
          new DemoAccount("energie@hechingen.de", "Demo Energie", Role.ENERGIEMANAGER, List.of()),
          new DemoAccount(
              "verwaltung.rathaus@hechingen.de",
              "Demo Verwaltung Rathaus",
              Role.GEBAEUDEVERWALTER,
              List.of("rathaus", "stadtbibliothek")),
          new DemoAccount(
              "verwaltung.schule@hechingen.de",
              "Demo Verwaltung Schule",
              Role.GEBAEUDEVERWALTER,
              List.of("grundschule-stadtmitte", "realschule")),
          new DemoAccount("buerger@hechingen.de", "Demo Bürger", Role.BUERGER, List.of()),
          new DemoAccount("analyse@hechingen.de", "Demo Analyse", Role.ANALYST, List.of()));

  static final String GATEWAY_CLIENT = "hechingen-gateway";

  private final IdentityConfig config;
  private final UserRepository users;
  private final PasswordHasher hasher;
  private final ClientAdminService clients;
  private final Outbox outbox;

  public DemoAccounts(
      IdentityConfig config,
      UserRepository users,
      PasswordHasher hasher,
      ClientAdminService clients,
      Outbox outbox) {
    this.config = config;
    this.users = users;
    this.hasher = hasher;
    this.clients = clients;
    this.outbox = outbox;
  }

  @Startup
  @Transactional
  void create() {
    if (!config.demo().enabled()) {
      return;
    }
    String password =
        config
            .demo()
            .password()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "citypulse.identity.demo.enabled is true but"
                            + " citypulse.identity.demo.password is not set; set"
                            + " CITYPULSE_IDENTITY_DEMO_PASSWORD or disable the demo accounts"));
    String hash = hasher.hash(password);
    for (DemoAccount account : ACCOUNTS) {
      createIfAbsent(account, hash);
    }
    Log.infof(
        "Demo accounts (password from citypulse.identity.demo.password): %s",
        ACCOUNTS.stream().map(a -> a.email() + " (" + a.role().id() + ")").toList());
    createGateway();
  }

  private void createIfAbsent(DemoAccount account, String passwordHash) {
    if (users.findByEmail(account.email()).isPresent()) {
      return;
    }
    User user =
        new User(
            UUID.randomUUID(),
            account.email(),
            account.name(),
            account.role(),
            account.buildings(),
            UserStatus.ACTIVE,
            null,
            null,
            null,
            null,
            passwordHash,
            false,
            null,
            Instant.now());
    users.insert(user);
    outbox.userEvent(
        EventType.USER_CREATED,
        user.id(),
        user.email(),
        Actor.SYSTEM,
        Map.of("name", user.name(), "role", user.role().id(), "buildings", user.buildings()));
  }

  private void createGateway() {
    if (config.demo().gatewaySecret().isEmpty()) {
      Log.info(
          "Demo client hechingen-gateway not created: citypulse.identity.demo.gateway-secret is"
              + " not set");
      return;
    }
    clients.createIfAbsent(
        GATEWAY_CLIENT,
        "Hechingen sensor gateway (demo)",
        List.of("ingest"),
        config.demo().gatewaySecret().get());
    Log.infof("Demo client %s exists with scope ingest", GATEWAY_CLIENT);
  }
}
