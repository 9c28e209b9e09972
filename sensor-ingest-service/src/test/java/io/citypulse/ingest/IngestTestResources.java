package io.citypulse.ingest;

import io.citypulse.testsupport.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Points every test of this module at the shared PostgreSQL and Kafka broker. */
@WithTestResource(
    value = InfrastructureTestResource.class,
    initArgs = {
      @ResourceArg(name = "database", value = IngestTestResources.DATABASE),
      @ResourceArg(name = "oidc", value = "true")
    },
    scope = TestResourceScope.GLOBAL)
public final class IngestTestResources {

  public static final String DATABASE = "citypulse_ingest";

  private IngestTestResources() {}
}
