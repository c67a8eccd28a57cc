package io.gau.authorization.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import io.gau.authorization.core.TokenService;
import io.gau.authorization.db.SessionRow;
import io.gau.shared.api.MessageResponse;
import io.gau.shared.authorization.api.SessionListResponse;
import io.gau.shared.authorization.api.SessionResponse;
import io.gau.shared.errors.ApiException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** A user's sessions: list them, revoke one, or revoke all (log out everywhere). */
@Path("/api/v2/authorization/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
  private final TokenService tokens;

  public SessionResource(TokenService tokens) {
    this.tokens = tokens;
  }

  @GET
  @Timed
  @ExceptionMetered
  public SessionListResponse list(@QueryParam("user_id") String userId) {
    return new SessionListResponse(
        tokens.liveSessions(parseUserId(userId)).stream().map(SessionResource::toResponse).toList(), 200);
  }

  @DELETE
  @Path("{id}")
  @Timed
  @ExceptionMetered
  public MessageResponse revokeOne(@PathParam("id") String id, @QueryParam("user_id") String userId) {
    UUID user = parseUserId(userId);
    tokens.revokeSession(user, parseSessionId(id));
    return MessageResponse.ok("Session revoked");
  }

  @DELETE
  @Timed
  @ExceptionMetered
  public MessageResponse revokeAll(@QueryParam("user_id") String userId) {
    int count = tokens.revokeAll(parseUserId(userId));
    return MessageResponse.ok("Revoked " + count + " session(s)");
  }

  private static SessionResponse toResponse(SessionRow row) {
    return new SessionResponse(
        Long.toString(row.id()), row.deviceId(), row.createdAt(), row.lastUsedAt(), row.expiresAt());
  }

  private static UUID parseUserId(String userId) {
    if (userId == null || userId.isBlank()) {
      throw ApiException.badRequest("user_id_required", "Query parameter 'user_id' is required");
    }
    try {
      return UUID.fromString(userId.trim());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("user_id_invalid", "Query parameter 'user_id' must be a UUID");
    }
  }

  private static long parseSessionId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ApiException.notFound("session_not_found", "Session not found");
    }
  }
}
