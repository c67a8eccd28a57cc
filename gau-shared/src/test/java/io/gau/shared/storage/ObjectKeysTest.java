package io.gau.shared.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gau.shared.errors.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeysTest {
  private static final String HASH = "3fb9f176bb35c538c9187309879c80771b7f4838aa8ade9af6d968abf5e463d7";

  @ParameterizedTest
  @ValueSource(strings = {"a", "avatar/x.png", "a/b/c.d", "a/.hidden", "a/..x", "a/x..", "r\u00e9sum\u00e9 \"final\".pdf"})
  void relativeKeysWithoutDotSegmentsAreAccepted(String key) {
    assertThat(ObjectKeys.key("file_path", key)).isEqualTo(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/abs", "..", ".", "a/../b", "a/./b", "a//b", "a/", "../etc/passwd", "a/..", "a\\b", "a\u0000b", "a\nb", "a\u007fb"})
  void keysThatCouldLeaveTheirPrefixAreRefusedWith400NamingTheField(String key) {
    assertThatThrownBy(() -> ObjectKeys.key("file_path", key))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.code()).isEqualTo("invalid_path");
          assertThat(e.getMessage()).startsWith("file_path ");
        });
  }

  @Test
  void emptyAndOverlongKeysAreRefused() {
    assertThatThrownBy(() -> ObjectKeys.key("path", null)).hasMessage("path is required");
    assertThatThrownBy(() -> ObjectKeys.key("path", "")).hasMessage("path is required");
    assertThat(ObjectKeys.key("path", "k".repeat(ObjectKeys.MAX_KEY_LENGTH))).hasSize(1024);
    assertThatThrownBy(() -> ObjectKeys.key("path", "k".repeat(ObjectKeys.MAX_KEY_LENGTH + 1)))
        .hasMessageContaining("longer than 1024");
  }

  @Test
  void folderToleratesBlanksAndOneTrailingSlashAndMayBeTheRootUnlessRequired() {
    assertThat(ObjectKeys.folder("path", " avatar/ ", false)).isEqualTo("avatar");
    assertThat(ObjectKeys.folder("path", null, false)).isEmpty();
    assertThat(ObjectKeys.folder("path", "/", false)).isEmpty();
    assertThatThrownBy(() -> ObjectKeys.folder("file_path", " ", true)).hasMessage("file_path is required");
    assertThatThrownBy(() -> ObjectKeys.folder("path", "a//", false)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> ObjectKeys.folder("path", "../x", false)).isInstanceOf(ApiException.class);
  }

  @Test
  void joinPutsANameInAFolderOrAtTheRoot() {
    assertThat(ObjectKeys.join("", "x.png")).isEqualTo("x.png");
    assertThat(ObjectKeys.join("a/b", "x.png")).isEqualTo("a/b/x.png");
  }

  @Test
  void contentAddressedNamesAreRecognisedOnlyInTheBaseName() {
    String name = ObjectKeys.contentAddressedName(HASH, "png");
    assertThat(ObjectKeys.isContentAddressed("avatar/" + name)).isTrue();
    assertThat(ObjectKeys.isContentAddressed(name)).isTrue();
    assertThat(ObjectKeys.isContentAddressed("avatar/" + HASH)).isTrue();
    assertThat(ObjectKeys.isContentAddressed("avatar/" + HASH + ".abcdefghij")).isTrue();
    assertThat(ObjectKeys.isContentAddressed("avatar/" + HASH + ".abcdefghijk")).isFalse();
    assertThat(ObjectKeys.isContentAddressed("avatar/" + HASH + ".")).isFalse();
    assertThat(ObjectKeys.isContentAddressed("avatar/" + HASH + ".p-g")).isFalse();
    assertThat(ObjectKeys.isContentAddressed("avatar/" + HASH.toUpperCase() + ".png")).isFalse();
    assertThat(ObjectKeys.isContentAddressed("avatar/" + HASH.substring(1) + ".png")).isFalse();
    assertThat(ObjectKeys.isContentAddressed("avatar/x" + HASH + ".png")).isFalse();
    assertThat(ObjectKeys.isContentAddressed(HASH + "/me.png")).isFalse();
    assertThat(ObjectKeys.isContentAddressed("avatar/me.png")).isFalse();
  }

  @Test
  void cacheIdIsBucketSlashKey() {
    assertThat(ObjectKeys.cacheId("images", "avatar/x.png")).isEqualTo("images/avatar/x.png");
  }
}
