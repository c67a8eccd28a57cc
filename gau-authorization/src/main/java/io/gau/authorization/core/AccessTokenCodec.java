package io.gau.authorization.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gau.shared.authorization.api.AccessTokenClaims;
import io.gau.shared.authorization.client.AccessTokenVerifier;
import io.gau.shared.errors.ApiException;
import java.security.Key;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Signs and verifies Gau access tokens (ES256 only), both through the {@link EcdsaProvider} (the native
 * Corretto provider, else Bouncy Castle), chosen per call with jose4j's provider context.
 * Verified signatures are remembered per token string until the token expires, so a token validated many
 * times costs one ECDSA verification; expiry and the key's trust are still checked on every call, and
 * revocation is the caller's separate bitmap check.
 */
public class AccessTokenCodec {
  private final SigningKeyService keys;
  private final TokenPolicy policy;
  private final InstantSource clock;
  private final Cache<String, Verified> verified;

  private record Verified(String kid, AccessTokenClaims claims) {}

  /** A signed access token and when it expires. */
  public record SignedToken(String token, Instant expiresAt) {}

  public AccessTokenCodec(SigningKeyService keys, TokenPolicy policy, InstantSource clock) {
    this.keys = keys;
    this.policy = policy;
    this.clock = clock;
    this.verified =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(policy.accessTokenLifetime().plus(policy.clockSkew()))
            // upkeep on the calling thread: handing it to the common pool woke a thread every ~10 validations
            .executor(Runnable::run)
            .build();
  }

  public SignedToken sign(long sessionId, UUID userId, String permission) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(policy.accessTokenLifetime());
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(policy.issuer());
    claims.setSubject(userId.toString());
    claims.setAudience(policy.audience());
    claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
    claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
    claims.setNotBefore(NumericDate.fromSeconds(now.getEpochSecond()));
    claims.setJwtId(Randomness.uuid().toString());
    claims.setStringClaim("user_id", userId.toString());
    claims.setStringClaim("permission", permission);
    claims.setStringClaim("jid", Long.toString(sessionId));
    SigningKeyService.KeySet keySet = keys.current();
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    jws.setKeyIdHeaderValue(keySet.signingKid());
    jws.setHeader("typ", "JWT");
    jws.setKey(keySet.signingKey());
    jws.setProviderContext(EcdsaProvider.signingContext());
    try {
      return new SignedToken(jws.getCompactSerialization(), expiresAt);
    } catch (JoseException e) {
      throw new IllegalStateException("cannot sign an access token", e);
    }
  }

  /** The claims of a well-signed, current token of ours; a 401 {@link ApiException} naming the reason otherwise. */
  public AccessTokenClaims verify(String token) {
    if (token == null || token.isBlank()) {
      throw ApiException.badRequest("token_required", "Access token is required");
    }
    if (token.length() > policy.maxTokenSize()) {
      // never parse (base64-decode, JSON-parse) an oversized token
      throw invalid("Access token is too large");
    }
    Verified hit = verified.getIfPresent(token);
    if (hit != null) {
      if (!keys.trusts(hit.kid())) {
        verified.invalidate(token);
        throw invalid("Access token is signed by an unknown key");
      }
      checkTimes(hit.claims());
      return hit.claims();
    }
    Verified fresh = verifySignatureAndClaims(token);
    verified.put(token, fresh);
    return fresh.claims();
  }

  private Verified verifySignatureAndClaims(String token) {
    JwtConsumer consumer =
        AccessTokenVerifier.rules(this::resolveKey, policy.issuer(), policy.audience(), policy.clockSkew(), clock)
            .setJwsProviderContext(EcdsaProvider.verificationContext())
            .build();
    try {
      var context = consumer.process(token);
      String kid = context.getJoseObjects().get(0).getKeyIdHeaderValue();
      return new Verified(kid, AccessTokenVerifier.claimsOf(context.getJwtClaims()));
    } catch (InvalidJwtException e) {
      throw invalid(AccessTokenVerifier.reason(e));
    } catch (MalformedClaimException | RuntimeException e) {
      throw invalid("Invalid access token claims");
    }
  }

  private Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nesting) throws UnresolvableKeyException {
    return keys.verificationKey(jws.getKeyIdHeaderValue())
        .orElseThrow(() -> new UnresolvableKeyException("unknown kid"));
  }

  private void checkTimes(AccessTokenClaims claims) {
    long now = clock.instant().getEpochSecond();
    long skew = policy.clockSkew().toSeconds();
    if (now - skew >= claims.expiresAt()) {
      throw expired();
    }
    if (now + skew < claims.notBefore()) {
      throw invalid("Access token is not valid yet");
    }
  }

  private static ApiException expired() {
    return ApiException.unauthorized("token_expired", "Access token has expired");
  }

  private static ApiException invalid(String reason) {
    return reason.endsWith("expired") ? expired() : ApiException.unauthorized("invalid_token", reason);
  }
}
