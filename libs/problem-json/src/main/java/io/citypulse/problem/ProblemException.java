package io.citypulse.problem;

/** Thrown by application code to answer with a problem+json body. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(
        problem.getDetail() != null ? problem.getDetail() : problem.getTitle(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  /** 404 for a resource that does not exist, or that the caller may not see. */
  public static ProblemException notFound(String resource, String id) {
    return new ProblemException(
        Problem.of(404, "not-found", resource + " not found")
            .detail(resource + " '" + id + "' does not exist.")
            .with("resource", resource)
            .with("id", id)
            .build());
  }

  /** 400 for a request parameter or body field with an invalid value. */
  public static ProblemException invalidField(String field, Object value, String expected) {
    return new ProblemException(
        Problem.of(400, "invalid-field", "Invalid request field")
            .detail("Field '" + field + "' has the invalid value '" + value + "': " + expected)
            .with("field", field)
            .with("value", value)
            .with("expected", expected)
            .build());
  }

  /** 409 for a request that conflicts with the stored state. */
  public static ProblemException conflict(String slug, String detail) {
    return new ProblemException(Problem.of(409, slug, "Conflict").detail(detail).build());
  }
}
