package io.gau.cdn.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The {@code delivery:} block: which buckets are public and which HTTP caching and CORS headers to send. */
public class DeliverySettings {
  /** Bucket behind {@code /images/*}. */
  @NotEmpty private String imagesBucket = "images";
  /** Buckets also reachable as {@code /<bucket>/<key>}; every other bucket is invisible (404). */
  @NotNull private List<@NotEmpty String> publicBuckets = List.of("images");
  /** {@code max-age} for keys that are not content-addressed (content-addressed ones are immutable, one year). */
  @NotNull private Duration maxAge = Duration.hours(1);
  /** Origins allowed to read with CORS; {@code *} allows any. */
  @NotNull private List<@NotEmpty String> corsOrigins = List.of();
  @NotNull private Duration retryAfter = Duration.seconds(5);

  @JsonProperty
  public String getImagesBucket() {
    return imagesBucket;
  }

  @JsonProperty
  public void setImagesBucket(String imagesBucket) {
    this.imagesBucket = imagesBucket;
  }

  @JsonProperty
  public List<String> getPublicBuckets() {
    return publicBuckets;
  }

  @JsonProperty
  public void setPublicBuckets(List<String> publicBuckets) {
    this.publicBuckets = publicBuckets;
  }

  @JsonProperty
  public Duration getMaxAge() {
    return maxAge;
  }

  @JsonProperty
  public void setMaxAge(Duration maxAge) {
    this.maxAge = maxAge;
  }

  @JsonProperty
  public List<String> getCorsOrigins() {
    return corsOrigins;
  }

  @JsonProperty
  public void setCorsOrigins(List<String> corsOrigins) {
    this.corsOrigins = corsOrigins;
  }

  @JsonProperty
  public Duration getRetryAfter() {
    return retryAfter;
  }

  @JsonProperty
  public void setRetryAfter(Duration retryAfter) {
    this.retryAfter = retryAfter;
  }
}
