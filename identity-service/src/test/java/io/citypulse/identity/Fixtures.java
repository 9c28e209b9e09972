package io.citypulse.identity;

import static io.restassured.RestAssured.given;

import io.citypulse.access.Role;
import io.citypulse.identity.password.PasswordHasher;
import io.citypulse.identity.user.User;
import io.citypulse.identity.user.UserRepository;
import io.citypulse.identity.user.UserStatus;
import io.citypulse.testsupport.TestKafka;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Users, logins and Kafka reads shared by the tests. */
final class Fixtures {

  static final String DASHBOARD = "citypulse-dashboard";
  static final String PASSWORD = "Correct-Horse-Battery-7";

  private static String adminEmail;

  private Fixtures() {}

  /** Stores an active user with {@link #PASSWORD} who needs no password change. */
  static User user(Role role, String... buildings) {
    return user(role, false, buildings);
  }

  static User user(Role role, boolean mustChangePassword, String... buildings) {
    String email = role.id() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    User user =
        new User(
            UUID.randomUUID(),
            email,
            "Test " + role.englishDisplayName(),
            role,
            List.of(buildings),
            UserStatus.ACTIVE,
            null,
            null,
            null,
            null,
            Arc.container().instance(PasswordHasher.class).get().hash(PASSWORD),
            mustChangePassword,
            null,
            Instant.now());
    QuarkusTransaction.requiringNew()
        .run(() -> Arc.container().instance(UserRepository.class).get().insert(user));
    return user;
  }

  /** Sends a password grant of the dashboard client and returns the raw response. */
  static Response passwordGrant(String email, String password) {
    return given()
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "password")
        .formParam("client_id", DASHBOARD)
        .formParam("username", email)
        .formParam("password", password)
        .post("/oauth2/token");
  }

  /** Logs in with {@link #PASSWORD} and returns the token response. */
  static JsonPath login(User user) {
    return passwordGrant(user.email(), PASSWORD).then().statusCode(200).extract().jsonPath();
  }

  static Response refresh(String refreshToken) {
    return given()
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "refresh_token")
        .formParam("client_id", DASHBOARD)
        .formParam("refresh_token", refreshToken)
        .post("/oauth2/token");
  }

  /** Returns an access token of one admin shared by the tests of this JVM. */
  static synchronized String adminToken() {
    if (adminEmail == null) {
      adminEmail = user(Role.ADMIN).email();
    }
    return passwordGrant(adminEmail, PASSWORD)
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  /** Returns the first record of a topic with the CloudEvents type whose value contains text. */
  static List<ConsumerRecord<String, String>> eventOfType(
      String topic, String ceType, String text) {
    return eventsOfType(topic, ceType, text, 1);
  }

  /**
   * Reads records of a topic with the CloudEvents type whose value contains text, until {@code
   * expected} arrived or 20 seconds passed; one poll may return more than expected.
   */
  static List<ConsumerRecord<String, String>> eventsOfType(
      String topic, String ceType, String text, int expected) {
    return TestKafka.read(
        topic,
        record -> ceType.equals(header(record, "ce_type")) && record.value().contains(text),
        expected,
        Duration.ofSeconds(20));
  }

  static String header(ConsumerRecord<String, String> record, String name) {
    return record.headers().lastHeader(name) == null
        ? null
        : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
