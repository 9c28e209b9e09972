package io.citypulse.testsupport;

import io.citypulse.infra.DatabaseLogin;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a Quarkus application under test at the shared PostgreSQL and Kafka broker.
 *
 * <p>Init arguments: {@code database}, the service's database name (default {@code citypulse}),
 * which the application logs in to as the database's own role with a SCRAM password; {@code oidc},
 * {@code true} to point quarkus-oidc at the {@link TestIssuer}.
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

  private String databaseName = "citypulse";
  private String oidc = "false";

  @Override
  public void init(Map<String, String> initArgs) {
    databaseName = initArgs.getOrDefault("database", databaseName);
    oidc = initArgs.getOrDefault("oidc", oidc);
  }

  @Override
  public Map<String, String> start() {
    SharedInfrastructure infrastructure = SharedInfrastructure.get();
    DatabaseLogin login = infrastructure.database(databaseName);
    Map<String, String> config = new HashMap<>();
    config.put("quarkus.datasource.username", login.user());
    config.put("quarkus.datasource.password", login.password());
    config.put("quarkus.datasource.jdbc.url", login.jdbcUrl());
    config.put("quarkus.datasource.reactive.url", login.reactiveUrl());
    config.put("kafka.bootstrap.servers", infrastructure.kafkaBootstrapServers());
    if (Boolean.parseBoolean(oidc)) {
      config.put("quarkus.oidc.auth-server-url", TestIssuer.get().issuer());
    }
    return config;
  }

  @Override
  public void stop() {
    // The infrastructure outlives each application start; a JVM shutdown hook stops it.
  }
}
