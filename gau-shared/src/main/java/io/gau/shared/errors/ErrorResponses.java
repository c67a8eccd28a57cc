package io.gau.shared.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds JAX-RS responses that carry the {@link ErrorResponse} envelope, with a matching status line. */
public final class ErrorResponses {
  private ErrorResponses() {}

  public static Response of(int status, String code, String message) {
    return builder(status, code, message).build();
  }

  public static Response.ResponseBuilder builder(int status, String code, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorResponse(message, status, code));
  }

  /** A stable code for a bare HTTP status, used where Jersey or Jetty produced the error. */
  public static String codeFor(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 406 -> "not_acceptable";
      case 409 -> "conflict";
      case 411 -> "length_required";
      case 413 -> "payload_too_large";
      case 414 -> "uri_too_long";
      case 415 -> "unsupported_media_type";
      case 416 -> "range_not_satisfiable";
      case 422 -> "unprocessable_entity";
      case 429 -> "too_many_requests";
      case 431 -> "headers_too_large";
      case 503 -> "service_unavailable";
      default -> status >= 500 ? "internal_error" : "http_" + status;
    };
  }

  /** The message shown for a bare HTTP status; never echoes exception text that could leak internals. */
  public static String messageFor(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Authentication required";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 406 -> "Not acceptable: this resource answers JSON";
      case 411 -> "Content-Length required";
      case 413 -> "Request entity too large";
      case 414 -> "Request URI too long";
      case 415 -> "Unsupported media type";
      case 429 -> "Too many requests";
      case 431 -> "Request headers too large";
      case 503 -> "Service temporarily unavailable";
      default -> status >= 500 ? "Internal Server Error" : "HTTP error " + status;
    };
  }
}
