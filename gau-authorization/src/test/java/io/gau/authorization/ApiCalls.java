package io.gau.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.gau.authorization.testing.AuthorizationStack;
import io.gau.shared.authorization.api.TokenPairResponse;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** HTTP calls to one application instance under test, with the Private-Key set. */
final class ApiCalls {
  private final DropwizardAppExtension<AuthorizationConfiguration> app;

  ApiCalls(DropwizardAppExtension<AuthorizationConfiguration> app) {
    this.app = app;
  }

  String base() {
    return "http://localhost:" + app.getLocalPort() + "/api/v2/authorization";
  }

  Invocation.Builder authorized(String path) {
    return target(path).request(MediaType.APPLICATION_JSON_TYPE).header("Private-Key", AuthorizationStack.PRIVATE_KEY);
  }

  WebTarget target(String path) {
    return app.client().target(base()).path(path);
  }

  TokenPairResponse issue(UUID user, String permission, String device) {
    try (Response response =
        authorized("token").header("X-Device-ID", device)
            .post(Entity.json("{\"user_id\":\"" + user + "\",\"permission\":\"" + permission + "\"}"))) {
      assertThat(response.getStatus()).isEqualTo(200);
      return response.readEntity(TokenPairResponse.class);
    }
  }

  int issueStatus(String body, String device) {
    Invocation.Builder request = authorized("token");
    if (device != null) {
      request.header("X-Device-ID", device);
    }
    try (Response response = request.post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE))) {
      assertThat(response.getMediaType().toString()).startsWith("application/json");
      return response.getStatus();
    }
  }

  Response renewResponse(String refreshToken, String device, String... extraHeaders) {
    Invocation.Builder request =
        authorized("token/renew").header("X-Device-ID", device).header("X-Refresh-Token", refreshToken);
    for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
      request.header(extraHeaders[i], extraHeaders[i + 1]);
    }
    return request.get();
  }

  TokenPairResponse renew(String refreshToken, String device, String... extraHeaders) {
    try (Response response = renewResponse(refreshToken, device, extraHeaders)) {
      assertThat(response.getStatus()).as(response.hasEntity() ? "renew" : "renew (no body)").isEqualTo(200);
      return response.readEntity(TokenPairResponse.class);
    }
  }

  Invocation.Builder validateRequest(String queryToken) {
    WebTarget target = target("token/validate");
    if (queryToken != null) {
      target = target.queryParam("token", queryToken);
    }
    return target.request(MediaType.APPLICATION_JSON_TYPE).header("Private-Key", AuthorizationStack.PRIVATE_KEY);
  }

  int validateStatus(String accessToken) {
    try (Response response = validateRequest(null).header("Authorization", "Bearer " + accessToken).get()) {
      return response.getStatus();
    }
  }

  Response sessionDelete(UUID user, String sessionId) {
    return target("sessions/" + sessionId).queryParam("user_id", user).request(MediaType.APPLICATION_JSON_TYPE)
        .header("Private-Key", AuthorizationStack.PRIVATE_KEY).delete();
  }
}
