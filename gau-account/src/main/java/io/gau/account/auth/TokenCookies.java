package io.gau.account.auth;

import io.gau.account.config.CookieFactory;
import io.gau.shared.authorization.api.TokenPairResponse;
import jakarta.ws.rs.core.NewCookie;

/** Builds the {@code access_token} / {@code refresh_token} cookies, and the ones that clear them, with identical attributes. */
public class TokenCookies {
  public static final String REFRESH_COOKIE = "refresh_token";

  private final CookieFactory config;

  public TokenCookies(CookieFactory config) {
    this.config = config;
  }

  public NewCookie[] set(TokenPairResponse pair) {
    long refreshAge = pair.refreshExpiresIn() > 0 ? pair.refreshExpiresIn() : config.refreshMaxAge.toSeconds();
    return new NewCookie[] {
      cookie(AccessTokenAuthFilter.COOKIE, pair.accessToken(), (int) Math.max(1, pair.expiresIn())),
      cookie(REFRESH_COOKIE, pair.refreshToken(), (int) refreshAge)
    };
  }

  /** Expired cookies with the same Domain and Path as when set, so browsers really drop them. */
  public NewCookie[] clear() {
    return new NewCookie[] {cookie(AccessTokenAuthFilter.COOKIE, "", 0), cookie(REFRESH_COOKIE, "", 0)};
  }

  private NewCookie cookie(String name, String value, int maxAge) {
    return new NewCookie.Builder(name)
        .value(value)
        .path(config.path)
        .domain(config.domain == null || config.domain.isBlank() ? null : config.domain)
        .maxAge(maxAge)
        .httpOnly(true)
        .secure(config.secure)
        .sameSite(NewCookie.SameSite.valueOf(config.sameSite.toUpperCase(java.util.Locale.ROOT)))
        .build();
  }
}
