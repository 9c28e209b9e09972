package io.citypulse.identity.session;

import io.citypulse.identity.config.IdentityConfig;
import io.citypulse.identity.event.Actor;
import io.citypulse.identity.event.EventType;
import io.citypulse.identity.event.Outbox;
import io.citypulse.identity.event.RequestOrigin;
import io.citypulse.identity.user.User;
import io.citypulse.identity.user.UserRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions and refresh tokens. Each refresh is a rotation: the presented token is marked used and a
 * new one issued. Presenting a used token again means it was copied, so the whole session is
 * revoked.
 */
@ApplicationScoped
public class SessionService {

  private final SessionRepository sessions;
  private final UserRepository users;
  private final Outbox outbox;
  private final IdentityConfig config;
  private final SecureRandom random = new SecureRandom();

  public SessionService(
      SessionRepository sessions, UserRepository users, Outbox outbox, IdentityConfig config) {
    this.sessions = sessions;
    this.users = users;
    this.outbox = outbox;
    this.config = config;
  }

  /** A new session with its first refresh token, in plain text for the client only. */
  public record Started(Session session, String refreshToken) {}

  /** Starts a session for a user who just logged in. */
  @Transactional
  public Started start(User user, String clientId, String scope, RequestOrigin origin) {
    Instant now = Instant.now();
    Session session =
        new Session(
            UUID.randomUUID(),
            user.id(),
            clientId,
            scope,
            origin.ip(),
            truncate(origin.userAgent()),
            now,
            now,
            null,
            null);
    sessions.insert(session);
    String refreshToken = newRefreshToken(session.id(), now);
    return new Started(session, refreshToken);
  }

  /** Exchanges a refresh token for a new one, detecting reuse of a rotated token. */
  @Transactional
  public RefreshOutcome rotate(String refreshToken, String clientId, RequestOrigin origin) {
    Optional<SessionRepository.StoredRefreshToken> stored =
        sessions.findRefreshToken(digest(refreshToken));
    if (stored.isEmpty()) {
      return new RefreshOutcome.Rejected("The refresh token is unknown or expired.");
    }
    Session session = sessions.findByIdForUpdate(stored.get().sessionId()).orElseThrow();
    Instant now = Instant.now();
    if (!session.clientId().equals(clientId)) {
      return new RefreshOutcome.Rejected("The refresh token was issued to another client.");
    }
    if (session.isRevoked()) {
      return new RefreshOutcome.Rejected("The session of this refresh token was revoked.");
    }
    if (stored.get().usedAt() != null
        || !sessions.markRefreshTokenUsed(digest(refreshToken), now)) {
      revokeOnReuse(session, origin, now);
      return new RefreshOutcome.Rejected(
          "The refresh token was used before; its session is revoked. Log in again.");
    }
    if (session.lastActivityAt().plus(config.sessions().idleTimeout()).isBefore(now)) {
      sessions.revoke(session.id(), "idle_timeout", now);
      return new RefreshOutcome.Rejected("The session expired after inactivity. Log in again.");
    }
    User user = users.findById(session.userId()).orElseThrow();
    if (!user.isActive()) {
      sessions.revoke(session.id(), "user_" + user.status().id(), now);
      return new RefreshOutcome.Rejected("The account is not active.");
    }

    sessions.touch(session.id(), now);
    return new RefreshOutcome.Rotated(session, user, newRefreshToken(session.id(), now));
  }

  private void revokeOnReuse(Session session, RequestOrigin origin, Instant now) {
    sessions.revoke(session.id(), "refresh_token_reuse", now);
    User user = users.findById(session.userId()).orElseThrow();
    outbox.userEvent(
        EventType.REFRESH_TOKEN_REUSED,
        user.id(),
        user.email(),
        Actor.anonymous(origin),
        Map.of("sessionId", session.id().toString(), "clientId", session.clientId()));
    Log.warnf(
        "Refresh token reuse in session %s of user %s; the session is revoked",
        session.id(), user.id());
  }

  /**
   * Revokes the session of a refresh token, for RFC 7009 revocation. Returns false when the token
   * is unknown or belongs to another client, which the caller must not reveal.
   */
  @Transactional
  public boolean revokeByRefreshToken(String refreshToken, String clientId, RequestOrigin origin) {
    Optional<SessionRepository.StoredRefreshToken> stored =
        sessions.findRefreshToken(digest(refreshToken));
    if (stored.isEmpty()) {
      return false;
    }
    return revokeSession(stored.get().sessionId(), clientId, origin);
  }

  /** Revokes one session by id, as named by the {@code sid} claim of an access token. */
  @Transactional
  public boolean revokeSession(UUID sessionId, String clientId, RequestOrigin origin) {
    Optional<Session> session = sessions.findByIdForUpdate(sessionId);
    if (session.isEmpty() || !session.get().clientId().equals(clientId)) {
      return false;
    }
    if (!sessions.revoke(sessionId, "logout", Instant.now())) {
      return false;
    }
    User user = users.findById(session.get().userId()).orElseThrow();
    outbox.userEvent(
        EventType.SESSIONS_REVOKED,
        user.id(),
        user.email(),
        Actor.user(user.id(), origin),
        Map.of("reason", "logout", "sessionId", sessionId.toString(), "sessions", 1));
    return true;
  }

  /**
   * Revokes every session of a user in the caller's transaction, so the next refresh fails, and
   * records a {@code sessions-revoked} event when there was one.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int revokeAllOfUser(User user, String reason, Actor actor) {
    int revoked = sessions.revokeAllOfUser(user.id(), reason, Instant.now());
    if (revoked > 0) {
      outbox.userEvent(
          EventType.SESSIONS_REVOKED,
          user.id(),
          user.email(),
          actor,
          Map.of("reason", reason, "sessions", revoked));
      Log.infof("Revoked %d sessions of user %s (%s)", revoked, user.id(), reason);
    }
    return revoked;
  }

  /** Lists the open sessions of a user, most recently active first. */
  public List<Session> activeSessions(UUID userId) {
    return sessions.findActiveByUser(userId);
  }

  /** Deletes sessions idle for longer than the idle timeout. */
  @Transactional
  public int deleteIdle() {
    return sessions.deleteIdleSince(Instant.now().minus(config.sessions().idleTimeout()));
  }

  private String newRefreshToken(UUID sessionId, Instant now) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    sessions.insertRefreshToken(digest(token), sessionId, now);
    return token;
  }

  /** SHA-256 of a refresh token: 256 random bits need no salt or slow hash. */
  private static String digest(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static String truncate(String userAgent) {
    return userAgent == null || userAgent.length() <= 512 ? userAgent : userAgent.substring(0, 512);
  }
}
