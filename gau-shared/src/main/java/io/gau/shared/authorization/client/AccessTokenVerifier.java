package io.gau.shared.authorization.client;

import io.gau.shared.authorization.api.AccessTokenClaims;
import io.gau.shared.errors.ApiException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * Verifies Gau access tokens locally against gau-authorization's JWKS ({@code /.well-known/jwks.json}):
 * ES256 only, issuer, audience, {@code exp}/{@code nbf} with a small skew. The key set is cached and
 * re-fetched when a token carries an unknown {@code kid} (key rotation). This checks the signature
 * only: a revoked session's token stays valid here until it expires, so a caller that must honour
 * logout at once uses {@link AuthorizationClient#validate} instead.
 */
public class AccessTokenVerifier {
  /** Tokens longer than this are refused before any decoding. */
  public static final int MAX_TOKEN_CHARS = 8 * 1024;

  private static final AlgorithmConstraints ES256_ONLY =
      new AlgorithmConstraints(
          AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);

  private final VerificationKeyResolver keys;
  private final String issuer;
  private final String audience;
  private final Duration clockSkew;
  private final InstantSource clock;

  /**
   * @param jwksUrl e.g. {@code http://gau-authorization:8081/.well-known/jwks.json}
   * @param issuer the expected {@code iss} (gau-authorization's {@code tokens.issuer})
   * @param audience the expected {@code aud} (gau-authorization's {@code tokens.audience})
   */
  public AccessTokenVerifier(String jwksUrl, String issuer, String audience) {
    this(new HttpsJwksVerificationKeyResolver(jwks(jwksUrl)), issuer, audience,
        Duration.ofSeconds(30), InstantSource.system());
  }

  private static HttpsJwks jwks(String url) {
    HttpsJwks jwks = new HttpsJwks(url);
    // an unknown kid re-fetches the set at most once a second (rotation is seen, junk kids cannot flood)
    jwks.setRefreshReprieveThreshold(1_000);
    jwks.setDefaultCacheDuration(60);
    return jwks;
  }

  public AccessTokenVerifier(
      VerificationKeyResolver keys, String issuer, String audience, Duration clockSkew, InstantSource clock) {
    this.keys = keys;
    this.issuer = issuer;
    this.audience = audience;
    this.clockSkew = clockSkew;
    this.clock = clock;
  }

  /** The claims of a well-signed, current Gau access token; a 401 {@link ApiException} naming the reason otherwise. */
  public AccessTokenClaims verify(String token) {
    if (token == null || token.isBlank()) {
      throw ApiException.unauthorized("token_required", "Access token is required");
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      throw ApiException.unauthorized("invalid_token", "Access token is too large");
    }
    try {
      return claimsOf(rules(keys, issuer, audience, clockSkew, clock).build().processToClaims(token));
    } catch (InvalidJwtException e) {
      throw e.hasExpired()
          ? ApiException.unauthorized("token_expired", "Access token has expired")
          : ApiException.unauthorized("invalid_token", reason(e));
    } catch (MalformedClaimException | RuntimeException e) {
      throw ApiException.unauthorized("invalid_token", "Invalid access token claims");
    }
  }

  /** The verification rules every Gau component applies to an access token, evaluated at the clock's now. */
  public static JwtConsumerBuilder rules(
      VerificationKeyResolver keys, String issuer, String audience, Duration clockSkew, InstantSource clock) {
    return new JwtConsumerBuilder()
        .setJwsAlgorithmConstraints(ES256_ONLY)
        .setVerificationKeyResolver(keys)
        .setRequireExpirationTime()
        .setRequireIssuedAt()
        .setRequireSubject()
        .setRequireJwtId()
        .setExpectedIssuer(issuer)
        .setExpectedAudience(audience)
        .setAllowedClockSkewInSeconds((int) clockSkew.toSeconds())
        .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()));
  }

  /** Maps verified JWT claims to the wire record; refuses tokens without the Gau claims. */
  public static AccessTokenClaims claimsOf(JwtClaims claims) throws MalformedClaimException {
    String jid = claims.getStringClaimValue("jid");
    String userId = claims.getStringClaimValue("user_id");
    String permission = claims.getStringClaimValue("permission");
    if (jid == null || !jid.matches("[1-9][0-9]{0,18}") || userId == null || permission == null) {
      throw new MalformedClaimException("missing Gau claims (jid, user_id, permission)");
    }
    List<String> audience = claims.getAudience();
    long issuedAt = claims.getIssuedAt().getValue();
    return new AccessTokenClaims(
        claims.getIssuer(),
        claims.getSubject(),
        audience.isEmpty() ? null : audience.get(0),
        claims.getExpirationTime().getValue(),
        issuedAt,
        claims.getNotBefore() == null ? issuedAt : claims.getNotBefore().getValue(),
        claims.getJwtId(),
        userId,
        permission,
        jid);
  }

  /** A short reason for a refused token, never echoing the token. */
  public static String reason(InvalidJwtException e) {
    if (e.hasExpired()) {
      return "Access token has expired";
    }
    if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
      return "Access token is not valid yet";
    }
    if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)) {
      return "Access token has the wrong issuer or audience";
    }
    if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
      return "Access token signature is invalid";
    }
    return "Invalid access token";
  }
}
