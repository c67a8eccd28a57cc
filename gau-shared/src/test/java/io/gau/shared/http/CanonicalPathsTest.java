package io.gau.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathsTest {
  @ParameterizedTest
  @ValueSource(strings = {"/", "/api/v2/authorization/token", "/api/v2/authorization/sessions/42",
      "/.well-known/jwks.json", "/api/v2/upload/files%20old/list", "/a/%41", "/a/.hidden", "/a/..b", "/a/b.."})
  void plainPathsPass(String path) {
    assertThat(CanonicalPaths.isCanonical(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "api/v2", "//", "/api;x=1/v2", "/api/v2;", "/api/v2/x;y", "/api%3Bx/v2", "/api%3bx",
      "/api%2Fv2", "/api%2fv2", "/api%5Cv2", "/api%5cv2", "/api\\v2", "/api/./v2", "/api/../v2", "/api/.",
      "/api/..", "/api/%2e/v2", "/api/%2E%2E/v2", "/api/%2e%2e", "/api//v2", "/api/v2/", "/api/%", "/api/%4",
      "/api/%zz", "/api/%00", "/api/%0a", "/api/%25", "/api/%252F", "/api/\u0000"})
  void ambiguousPathsAreRefused(String path) {
    assertThat(CanonicalPaths.isCanonical(path)).as(path).isFalse();
  }

  @Test
  void nullIsRefused() {
    assertThat(CanonicalPaths.isCanonical(null)).isFalse();
  }
}
