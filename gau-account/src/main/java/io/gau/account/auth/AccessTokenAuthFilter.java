package io.gau.account.auth;

import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.AuthenticationException;
import io.gau.shared.errors.ApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Takes the access token from {@code Authorization: Bearer} or, failing that, the {@code access_token}
 * cookie (never from the query string, which ends up in logs). Cookie-authenticated requests that
 * change state must come from an allowed {@code Origin} (or carry {@code X-Requested-With}, which a
 * cross-site form cannot set): SameSite alone does not cover every browser.
 */
@Priority(Priorities.AUTHENTICATION)
public class AccessTokenAuthFilter extends AuthFilter<String, AccountPrincipal> {
  public static final String COOKIE = "access_token";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final List<String> allowedOrigins;

  public AccessTokenAuthFilter(AccessTokenAuthenticator authenticator, List<String> allowedOrigins) {
    this.authenticator = authenticator;
    this.allowedOrigins = allowedOrigins;
    this.prefix = "Bearer";
    this.realm = "gau";
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String token = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    boolean fromCookie = false;
    if (token == null) {
      Cookie cookie = request.getCookies().get(COOKIE);
      if (cookie != null && !cookie.getValue().isBlank()) {
        token = cookie.getValue();
        fromCookie = true;
      }
    }
    if (token == null) {
      throw ApiException.unauthorized("token_required", "Authorization token is required");
    }
    if (fromCookie && !SAFE_METHODS.contains(request.getMethod()) && !sameOrigin(request)) {
      throw ApiException.forbidden("csrf", "Cross-site request refused: send the token as a Bearer header or from an allowed Origin");
    }
    Optional<AccountPrincipal> principal;
    try {
      principal = authenticator.authenticate(token);
    } catch (AuthenticationException e) {
      throw ApiException.unavailable("authorization_unavailable", "Authorization service is unavailable", 2, e);
    }
    AccountPrincipal user = principal.orElseThrow(
        () -> ApiException.unauthorized("invalid_token", "Invalid or expired token"));
    boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
    request.setSecurityContext(new SecurityContext() {
      @Override
      public Principal getUserPrincipal() {
        return user;
      }

      @Override
      public boolean isUserInRole(String role) {
        return role.equals(user.permission());
      }

      @Override
      public boolean isSecure() {
        return secure;
      }

      @Override
      public String getAuthenticationScheme() {
        return SecurityContext.BASIC_AUTH.equals(prefix) ? BASIC_AUTH : "Bearer";
      }
    });
  }

  private boolean sameOrigin(ContainerRequestContext request) {
    String origin = request.getHeaderString("Origin");
    if (origin != null) {
      return allowedOrigins.contains(origin);
    }
    return request.getHeaderString("X-Requested-With") != null;
  }

  private static String bearer(String header) {
    if (header == null) {
      return null;
    }
    String[] parts = header.trim().split("\\s+");
    return parts.length == 2 && parts[0].equalsIgnoreCase("Bearer") && !parts[1].isEmpty() ? parts[1] : null;
  }
}
