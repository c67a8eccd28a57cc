package io.gau.cdn.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpRulesTest {
  @Test
  void singleRangesInAllThreeFormsAreClampedToTheObject() {
    assertThat(HttpRules.range("bytes=0-9", 100)).isEqualTo(new HttpRules.Partial(new HttpRules.Range(0, 9)));
    assertThat(HttpRules.range("bytes=90-", 100)).isEqualTo(new HttpRules.Partial(new HttpRules.Range(90, 99)));
    assertThat(HttpRules.range("bytes=-10", 100)).isEqualTo(new HttpRules.Partial(new HttpRules.Range(90, 99)));
    assertThat(HttpRules.range("bytes=95-200", 100)).isEqualTo(new HttpRules.Partial(new HttpRules.Range(95, 99)));
  }

  @Test
  void rangesOutsideTheObjectAreUnsatisfiableAndOddOnesAreIgnored() {
    assertThat(HttpRules.range("bytes=100-", 100)).isInstanceOf(HttpRules.Unsatisfiable.class);
    assertThat(HttpRules.range("bytes=-0", 100)).isInstanceOf(HttpRules.Unsatisfiable.class);
    assertThat(HttpRules.range("bytes=0-1,5-6", 100)).isInstanceOf(HttpRules.WholeObject.class);
    assertThat(HttpRules.range("items=0-1", 100)).isInstanceOf(HttpRules.WholeObject.class);
    assertThat(HttpRules.range("bytes=9-3", 100)).isInstanceOf(HttpRules.WholeObject.class);
    assertThat(HttpRules.range(null, 100)).isInstanceOf(HttpRules.WholeObject.class);
  }

  @Test
  void ifNoneMatchMatchesListsWeakTagsAndStar() {
    assertThat(HttpRules.noneMatchHits("\"a\", \"b\"", "\"b\"")).isTrue();
    assertThat(HttpRules.noneMatchHits("W/\"b\"", "\"b\"")).isTrue();
    assertThat(HttpRules.noneMatchHits("*", "\"b\"")).isTrue();
    assertThat(HttpRules.noneMatchHits("\"c\"", "\"b\"")).isFalse();
  }

  @Test
  void ifModifiedSinceComparesWholeSeconds() {
    long lastModified = 1_764_072_000_500L;
    assertThat(HttpRules.notModifiedSince(HttpRules.httpDate(lastModified), lastModified)).isTrue();
    assertThat(HttpRules.notModifiedSince(HttpRules.httpDate(lastModified - 2000), lastModified)).isFalse();
    assertThat(HttpRules.notModifiedSince("not a date", lastModified)).isFalse();
  }

  @Test
  void aCachedObjectRendersItsHeaderValuesOnceAndHandsOutSlicesOfItsBody() {
    CachedObject object = new CachedObject("0123456789".getBytes(StandardCharsets.US_ASCII), "text/plain", "ab", 1_000L, 7L);
    assertThat(object.quotedEtag()).isEqualTo("\"ab\"");
    assertThat(object.lastModifiedHeader()).isEqualTo("Thu, 01 Jan 1970 00:00:01 GMT");
    assertThat(object.size()).isEqualTo(10);
    ByteBuffer slice = object.bodySlice(2, 3);
    assertThat(slice.isReadOnly()).isTrue();
    assertThat(StandardCharsets.US_ASCII.decode(slice).toString()).isEqualTo("234");
    assertThat(object.withLoadedAt(9L).body()).isEqualTo(object.body());
    assertThat(new CachedObject(new byte[0], "text/plain", "ab", 0L, 7L).lastModifiedHeader()).isNull();
  }

  @Test
  void attachmentFilenameIsEscapedBothWays() {
    assertThat(HttpRules.attachment("docs/a\"b\\c.pdf"))
        .isEqualTo("attachment; filename=\"a_b_c.pdf\"; filename*=UTF-8''a%22b%5Cc.pdf");
    assertThat(HttpRules.attachment("x/日本.txt"))
        .isEqualTo("attachment; filename=\"__.txt\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.txt");
  }

  @Test
  void cachedObjectsSurviveTheRedisEncoding() {
    CachedObject object = new CachedObject(new byte[] {1, 2, 3}, "image/png", "ab", 42L, 7L);
    CachedObject decoded = CachedObject.decode(object.encode(), 9L).orElseThrow();
    assertThat(decoded.body()).containsExactly(1, 2, 3);
    assertThat(decoded.meta().contentType()).isEqualTo("image/png");
    assertThat(decoded.meta().lastModifiedMillis()).isEqualTo(42L);
    assertThat(CachedObject.decode(new byte[] {9, 9}, 0)).isEmpty();
  }
}
