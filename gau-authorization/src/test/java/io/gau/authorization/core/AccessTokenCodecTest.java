package io.gau.authorization.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gau.shared.authorization.api.AccessTokenClaims;
import io.gau.shared.errors.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessTokenCodecTest {
  final FakeClock clock = new FakeClock(Instant.parse("2026-11-25T12:00:00Z"));
  final TokenPolicy policy =
      new TokenPolicy("gau-authorization", "gau", Duration.ofMinutes(15), Duration.ofDays(30),
          Duration.ofSeconds(10), Duration.ofSeconds(30), 8192);
  final SigningKeyService keys =
      new SigningKeyService(new InMemorySigningKeyDao(), new SecretBox("unit-test-signing-secret-0123456789"),
          clock, Duration.ZERO, policy.longestAccessTokenLife());
  final AccessTokenCodec codec = new AccessTokenCodec(keys, policy, clock);

  @Test
  void aSignedTokenVerifiesWithTheSessionsClaims() {
    UUID user = UUID.randomUUID();
    AccessTokenCodec.SignedToken signed = codec.sign(77, user, "member");
    AccessTokenClaims claims = codec.verify(signed.token());
    assertThat(claims.sessionId()).isEqualTo("77");
    assertThat(claims.userId()).isEqualTo(user.toString()).isEqualTo(claims.subject());
    assertThat(claims.issuer()).isEqualTo("gau-authorization");
    assertThat(claims.audience()).isEqualTo("gau");
    assertThat(claims.expiresAt() - claims.issuedAt()).isEqualTo(900);
    assertThat(signed.expiresAt()).isEqualTo(clock.instant().plusSeconds(900));
  }

  @Test
  void aTokenExpiresEvenAfterItsSignatureWasRememberedAsValid() {
    String token = codec.sign(1, UUID.randomUUID(), "member").token();
    codec.verify(token);
    clock.advance(Duration.ofMinutes(15).plusSeconds(31));
    assertThatThrownBy(() -> codec.verify(token))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("token_expired"));
  }

  @Test
  void oversizedAndMalformedTokensAreRefusedWith401() {
    for (String token : new String[] {"x".repeat(8193), "a.b.c", "not-a-jwt"}) {
      assertThatThrownBy(() -> codec.verify(token))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
  }
}
