package io.gau.shared.errors;

import io.dropwizard.jersey.validation.ConstraintMessage;
import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;

/** Bean Validation failures → 400 with every violated field named in the message. */
public class ValidationExceptionMapper implements ExceptionMapper<JerseyViolationException> {
  @Override
  public Response toResponse(JerseyViolationException e) {
    String message =
        e.getConstraintViolations().stream()
            .map(v -> describe(v, e))
            .sorted()
            .collect(Collectors.joining("; "));
    return ErrorResponses.of(400, "validation_failed", message.isEmpty() ? "Invalid request" : message);
  }

  private static String describe(ConstraintViolation<?> violation, JerseyViolationException e) {
    return ConstraintMessage.getMessage(violation, e.getInvocable());
  }
}
