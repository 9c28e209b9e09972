package io.citypulse.identity.client;

import io.citypulse.identity.api.ClientRequest;
import io.citypulse.identity.event.Actor;
import io.citypulse.identity.event.EventType;
import io.citypulse.identity.event.Outbox;
import io.citypulse.identity.password.PasswordHasher;
import io.citypulse.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Machine clients that use the client_credentials grant. Secrets are generated here, returned once,
 * and stored as Argon2id hashes.
 */
@ApplicationScoped
public class ClientAdminService {

  private final ClientRepository clients;
  private final PasswordHasher hasher;
  private final Outbox outbox;
  private final SecureRandom random = new SecureRandom();

  public ClientAdminService(ClientRepository clients, PasswordHasher hasher, Outbox outbox) {
    this.clients = clients;
    this.hasher = hasher;
    this.outbox = outbox;
  }

  /** A client with its secret in plain text, for the one response that shows it. */
  public record WithSecret(Client client, String secret) {}

  public List<Client> list() {
    return clients.listAll();
  }

  /** Creates a confidential client with a new random secret. */
  @Transactional
  public WithSecret create(ClientRequest request, Actor actor) {
    String secret = newSecret();
    Client client =
        new Client(
            request.clientId(),
            request.name().trim(),
            hasher.hash(secret),
            List.of("client_credentials"),
            request.scopes().stream().distinct().toList(),
            Instant.now());
    if (!clients.insert(client)) {
      throw ProblemException.conflict(
          "client-exists", "Client '" + client.id() + "' exists already.");
    }
    outbox.auditEvent(
        EventType.CLIENT_CREATED, actor, "client", client.id(), Map.of("scopes", client.scopes()));
    Log.infof("Client %s created by %s with scopes %s", client.id(), actor.id(), client.scopes());
    return new WithSecret(client, secret);
  }

  /** Creates the client with a given secret unless it exists, for the demo gateway. */
  @Transactional
  public boolean createIfAbsent(String id, String name, List<String> scopes, String secret) {
    Client client =
        new Client(
            id, name, hasher.hash(secret), List.of("client_credentials"), scopes, Instant.now());
    return clients.insert(client);
  }

  /** Replaces the secret of a confidential client; the old secret stops working at once. */
  @Transactional
  public WithSecret rotateSecret(String id, Actor actor) {
    String secret = newSecret();
    if (!clients.updateSecret(id, hasher.hash(secret), Instant.now())) {
      throw ProblemException.notFound("Confidential client", id);
    }
    outbox.auditEvent(EventType.CLIENT_SECRET_ROTATED, actor, "client", id, Map.of());
    Log.infof("Secret of client %s rotated by %s", id, actor.id());
    return new WithSecret(clients.findById(id).orElseThrow(), secret);
  }

  /** Deletes a machine client; the first-party public clients cannot be deleted. */
  @Transactional
  public void delete(String id, Actor actor) {
    Client client = clients.findById(id).orElseThrow(() -> ProblemException.notFound("Client", id));
    if (client.isPublic()) {
      throw ProblemException.conflict(
          "client-protected", "Client '" + id + "' is a first-party public client.");
    }
    clients.delete(id);
    outbox.auditEvent(EventType.CLIENT_DELETED, actor, "client", id, Map.of());
    Log.infof("Client %s deleted by %s", id, actor.id());
  }

  private String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
