package io.gau.authorization.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import io.gau.authorization.core.SigningKeyService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The public JSON Web Key Set at the application root; needs no {@code Private-Key}. */
@Path(JwksResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class JwksResource {
  /** Public on the internal port (InternalApiGuard): any service verifies access tokens with these keys. */
  public static final String PATH = "/.well-known/jwks.json";
  /** Shorter than the key activation delay minus the reload interval: verifiers see a new key before it signs. */
  private static final int MAX_AGE_SECONDS = 30;

  private final SigningKeyService keys;

  public JwksResource(SigningKeyService keys) {
    this.keys = keys;
  }

  @GET
  @Timed
  @ExceptionMetered
  public Response jwks() {
    return jwksResponse(keys);
  }

  static Response jwksResponse(SigningKeyService keys) {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(MAX_AGE_SECONDS);
    return Response.ok(keys.current().jwksJson(), MediaType.APPLICATION_JSON_TYPE).cacheControl(cache).build();
  }
}
