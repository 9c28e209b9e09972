package io.citypulse.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem details object. {@code type} is stable per kind of error; extension members
 * carry the offending field, the value received and what was expected.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
public final class Problem {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** Base of every {@code type} URI of the suite. */
  public static final String TYPE_BASE = "https://citypulse.io/problems/";

  private final URI type;
  private final String title;
  private final int status;
  private final String detail;
  private final URI instance;
  private final Map<String, Object> extensions;

  private Problem(Builder builder) {
    this.type = builder.type;
    this.title = builder.title;
    this.status = builder.status;
    this.detail = builder.detail;
    this.instance = builder.instance;
    this.extensions = Map.copyOf(builder.extensions);
  }

  /** Starts a problem of the given kind; {@code slug} becomes the last segment of {@code type}. */
  public static Builder of(int status, String slug, String title) {
    return new Builder(status, URI.create(TYPE_BASE + slug), title);
  }

  public URI getType() {
    return type;
  }

  public String getTitle() {
    return title;
  }

  public int getStatus() {
    return status;
  }

  public String getDetail() {
    return detail;
  }

  public URI getInstance() {
    return instance;
  }

  @JsonAnyGetter
  public Map<String, Object> getExtensions() {
    return extensions;
  }

  /** Builder of {@link Problem}. Extension members keep their insertion order. */
  public static final class Builder {
    private final int status;
    private final URI type;
    private final String title;
    private String detail;
    private URI instance;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private Builder(int status, URI type, String title) {
      this.status = status;
      this.type = type;
      this.title = title;
    }

    public Builder detail(String detail) {
      this.detail = detail;
      return this;
    }

    public Builder instance(URI instance) {
      this.instance = instance;
      return this;
    }

    /** Adds an extension member; a {@code null} value is left out. */
    public Builder with(String name, Object value) {
      if (value != null) {
        extensions.put(name, value);
      }
      return this;
    }

    public Problem build() {
      return new Problem(this);
    }
  }
}
