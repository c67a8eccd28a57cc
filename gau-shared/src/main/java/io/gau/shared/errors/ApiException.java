package io.gau.shared.errors;

import java.util.Optional;

/**
 * A failure that the caller caused or must know about, thrown by {@code core/} code and turned into the
 * JSON envelope by {@link ApiExceptionMapper}. Carries only an HTTP status number so that domain code
 * needs no JAX-RS import.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final Integer retryAfterSeconds;

  public ApiException(int status, String code, String message) {
    this(status, code, message, null, null);
  }

  public ApiException(int status, String code, String message, Integer retryAfterSeconds, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }

  public static ApiException unauthorized(String code, String message) {
    return new ApiException(401, code, message);
  }

  public static ApiException forbidden(String code, String message) {
    return new ApiException(403, code, message);
  }

  public static ApiException notFound(String code, String message) {
    return new ApiException(404, code, message);
  }

  public static ApiException conflict(String code, String message) {
    return new ApiException(409, code, message);
  }

  public static ApiException payloadTooLarge(String code, String message) {
    return new ApiException(413, code, message);
  }

  public static ApiException unsupportedMediaType(String code, String message) {
    return new ApiException(415, code, message);
  }

  public static ApiException unprocessable(String code, String message) {
    return new ApiException(422, code, message);
  }

  public static ApiException tooManyRequests(String message, int retryAfterSeconds) {
    return new ApiException(429, "too_many_requests", message, retryAfterSeconds, null);
  }

  /** A dependency (database, Redis, broker, storage, another service) is down; the client may retry. */
  public static ApiException unavailable(String code, String message, int retryAfterSeconds, Throwable cause) {
    return new ApiException(503, code, message, retryAfterSeconds, cause);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Optional<Integer> retryAfterSeconds() {
    return Optional.ofNullable(retryAfterSeconds);
  }
}
