package io.citypulse.gateway.docs;

import io.citypulse.gateway.config.GatewayConfig;
import io.citypulse.gateway.edge.ExchangeKeys;
import io.citypulse.gateway.ops.ServiceProbes;
import io.citypulse.gateway.proxy.Upstream;
import io.citypulse.gateway.proxy.Upstreams;
import io.citypulse.problem.Problem;
import io.citypulse.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * One Swagger UI page for the whole suite: it lists the OpenAPI document of every configured
 * service, each read from the service's {@code /q/openapi} through {@code
 * /api/docs/<service>.json}. Swagger UI itself comes from the {@code org.webjars:swagger-ui} jar.
 */
@Path("/api/docs")
public class DocsResource {

  private static final String WEBJAR_PROPERTIES =
      "META-INF/maven/org.webjars/swagger-ui/pom.properties";

  private final Upstreams upstreams;
  private final ServiceProbes probes;
  private final String docsPolicy;
  private final String assets;

  public DocsResource(Upstreams upstreams, ServiceProbes probes, GatewayConfig config) {
    this.upstreams = upstreams;
    this.probes = probes;
    this.docsPolicy = config.securityHeaders().docsContentSecurityPolicy();
    this.assets = "/webjars/swagger-ui/" + swaggerUiVersion() + "/";
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String page(RoutingContext context) {
    context.put(ExchangeKeys.CONTENT_SECURITY_POLICY, docsPolicy);
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="UTF-8">
          <title>CityPulse API</title>
          <link rel="stylesheet" href="%1$sswagger-ui.css">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="%1$sswagger-ui-bundle.js"></script>
          <script src="%1$sswagger-ui-standalone-preset.js"></script>
          <script src="/api/docs/init.js"></script>
        </body>
        </html>
        """
        .formatted(assets);
  }

  /** The Swagger UI set-up, a separate script so the page needs no inline script in its CSP. */
  @GET
  @Path("/init.js")
  @Produces("text/javascript")
  public String initializer() {
    String urls =
        upstreams.configured().stream()
            .map(u -> "{url: \"/api/docs/" + u.name() + ".json\", name: \"" + u.name() + "\"}")
            .collect(Collectors.joining(", "));
    return """
        window.onload = function () {
          window.ui = SwaggerUIBundle({
            urls: [%s],
            dom_id: "#swagger-ui",
            deepLinking: true,
            presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
            layout: "StandaloneLayout"
          });
        };
        """
        .formatted(urls);
  }

  /** The OpenAPI document of one service, read from its {@code /q/openapi}. */
  @GET
  @Path("/{service}.json")
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<String> document(@PathParam("service") String service) {
    Upstream upstream =
        upstreams
            .get(service)
            .orElseThrow(() -> ProblemException.notFound("OpenAPI document", service));
    return probes
        .fetch(upstream, "/q/openapi?format=json")
        .onFailure()
        .transform(
            failure ->
                new ProblemException(
                    Problem.of(503, "service-unavailable", "Service unavailable")
                        .detail(
                            "The OpenAPI document of '"
                                + service
                                + "' cannot be read: "
                                + failure.getMessage())
                        .with("service", service)
                        .build()));
  }

  private static String swaggerUiVersion() {
    Properties properties = new Properties();
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(WEBJAR_PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException(WEBJAR_PROPERTIES + " is missing from the class path");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }
}
