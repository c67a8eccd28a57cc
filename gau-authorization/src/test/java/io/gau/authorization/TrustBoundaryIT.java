package io.gau.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.gau.authorization.testing.AuthorizationStack;
import io.gau.devstack.testing.InternalApiProbe;
import io.gau.devstack.testing.InternalApiProbe.Call;
import io.gau.devstack.testing.PathTricks;
import io.gau.devstack.testing.RawHttp;
import io.gau.shared.authorization.api.TokenPairResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The internal API is denied by default: each route, called as it would succeed with a key, is refused
 * without one, with another service's key, and under every path spelling of {@link PathTricks} (with and
 * without a key). A new route is covered by one more line in {@link #routes()}.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TrustBoundaryIT {
  static final AuthorizationStack STACK = AuthorizationStack.migrated();
  static final DropwizardAppExtension<AuthorizationConfiguration> APP = STACK.app();
  static final String PREFIX = "/api/v2/authorization";
  static final String JSON = "application/json";

  final ApiCalls api = new ApiCalls(APP);
  final InternalApiProbe probe = new InternalApiProbe("127.0.0.1", APP.getLocalPort());

  /** Every route of the internal API, each call with fresh tokens (refresh tokens are single-use). */
  List<Supplier<Call>> routes() {
    return List.of(
        () -> Call.of("POST", PREFIX + "/token", "", Map.of("X-Device-ID", "d", "Content-Type", JSON),
            "{\"user_id\":\"" + UUID.randomUUID() + "\",\"permission\":\"admin\"}"),
        () -> Call.of("GET", PREFIX + "/token/validate", "",
            Map.of("Authorization", "Bearer " + fresh().accessToken()), null),
        () -> Call.of("GET", PREFIX + "/token/renew", "",
            Map.of("X-Device-ID", "d", "X-Refresh-Token", fresh().refreshToken()), null),
        () -> Call.of("POST", PREFIX + "/token/renew", "",
            Map.of("X-Device-ID", "d", "X-Refresh-Token", fresh().refreshToken(), "Content-Type", JSON), "{}"),
        () -> Call.of("DELETE", PREFIX + "/token", "", Map.of("X-Refresh-Token", fresh().refreshToken()), null),
        () -> Call.of("GET", PREFIX + "/sessions", "?user_id=" + UUID.randomUUID(), Map.of(), null),
        () -> {
          UUID user = UUID.randomUUID();
          TokenPairResponse pair = api.issue(user, "member", "d");
          return Call.of("DELETE", PREFIX + "/sessions/" + pair.sessionId(), "?user_id=" + user, Map.of(), null);
        },
        () -> Call.of("DELETE", PREFIX + "/sessions", "?user_id=" + UUID.randomUUID(), Map.of(), null),
        () -> Call.of("GET", PREFIX + "/.well-known/jwks.json", "", Map.of(), null));
  }

  TokenPairResponse fresh() {
    return api.issue(UUID.randomUUID(), "member", "d");
  }

  @Test
  void everyRouteAnswersItsCallerAndNobodyElse() {
    assertThat(probe.keyProblems(routes(), AuthorizationStack.PRIVATE_KEY, AuthorizationStack.OTHER_SERVICE_KEY))
        .isEmpty();
  }

  @Test
  void noPathSpellingReachesARoute() {
    InternalApiProbe.Findings findings = probe.pathTricks(routes(), AuthorizationStack.PRIVATE_KEY);
    assertThat(findings.tried()).isGreaterThan(routes().size() * 80);
    assertThat(findings.notRefused()).as("path spellings not refused (%d tried)", findings.tried()).isEmpty();
  }

  @Test
  void onlyTheJwksIsPublicAndOnlyAsWritten() {
    Call jwks = Call.of("GET", "/.well-known/jwks.json", "", Map.of(), null);
    assertThat(probe.send(jwks, null).status()).isEqualTo(200);
    assertThat(probe.send(new Call("HEAD", jwks.path(), "", Map.of(), null), null).status()).isEqualTo(200);
    for (Call refused : List.of(
        Call.of("POST", PREFIX + jwks.path(), "", Map.of("Content-Type", JSON), "{}"),
        Call.of("GET", "/api/v2/nothing-here", "", Map.of(), null),
        Call.of("GET", "/API/v2/authorization/sessions", "?user_id=" + UUID.randomUUID(), Map.of(), null),
        Call.of("OPTIONS", PREFIX + "/token", "", Map.of(), null))) {
      RawHttp.Answer answer = probe.send(refused, null);
      assertThat(answer.status()).as(refused.method() + " " + refused.path()).isEqualTo(401);
      assertThat(InternalApiProbe.isEnvelope(answer)).isTrue();
    }
    for (Call outside : List.of(Call.of("POST", jwks.path(), "", Map.of("Content-Type", JSON), "{}"),
        Call.of("GET", "/", "", Map.of(), null), Call.of("GET", "/no/such/route", "", Map.of(), null),
        Call.of("POST", "/apiv2/authorization/token", "", Map.of("Content-Type", JSON), "{}"))) {
      RawHttp.Answer answer = probe.send(outside, null);
      assertThat(answer.status()).as(outside.method() + " " + outside.path() + " names no route").isEqualTo(404);
      assertThat(InternalApiProbe.isEnvelope(answer)).isTrue();
    }
    for (String trick : PathTricks.of(jwks.path())) {
      RawHttp.Answer answer = probe.send(jwks, trick, null);
      assertThat(answer.status()).as(trick).isIn(400, 401, 404);
      assertThat(InternalApiProbe.isEnvelope(answer)).as(trick + " answers the JSON envelope: " + answer.body()).isTrue();
    }
  }
}
