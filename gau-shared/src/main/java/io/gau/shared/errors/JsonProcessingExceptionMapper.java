package io.gau.shared.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Malformed or mistyped JSON bodies → 400 naming the field, without echoing parser internals. */
public class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {
  private static final Logger LOG = LoggerFactory.getLogger(JsonProcessingExceptionMapper.class);

  @Override
  public Response toResponse(JsonProcessingException e) {
    if (e instanceof InvalidDefinitionException) {
      // our own type cannot be (de)serialised: a server bug, not the client's
      LOG.error("JSON mapping definition error", e);
      return ErrorResponses.of(500, "internal_error", ErrorResponses.messageFor(500));
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof WebApplicationException refusal) {
        // a limit on the body stream (413) refused it while Jackson was reading
        return refusal.getResponse();
      }
      if (cause instanceof StreamConstraintsException) {
        return ErrorResponses.of(400, "json_limit_exceeded",
            "Request body exceeds the JSON limits (string length, nesting depth or document size)");
      }
    }
    if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
      return ErrorResponses.of(400, "malformed_json", "Request body is not valid JSON");
    }
    String field =
        mapping.getPath().stream()
            .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."));
    String message =
        field.isEmpty()
            ? "Request body has the wrong JSON shape"
            : "Field '" + field + "' has an invalid value or type";
    return ErrorResponses.of(400, "invalid_json", message);
  }
}
