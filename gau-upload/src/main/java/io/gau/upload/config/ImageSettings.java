package io.gau.upload.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** The {@code images:} block: where validated images go and what makes one acceptable. */
public class ImageSettings {
  @NotEmpty private String bucket = "images";
  @NotNull private DataSize maxSize = DataSize.mebibytes(5);

  /** Width × height above this is refused before decoding (decompression bombs). */
  @Min(1)
  private long maxPixels = 40_000_000L;

  /** SVG can carry scripts; it is accepted only when switched on (the CDN serves it sandboxed). */
  private boolean allowSvg = false;

  @NotEmpty private String cacheControl = "public, max-age=31536000, immutable";

  @JsonProperty
  public String getBucket() {
    return bucket;
  }

  @JsonProperty
  public void setBucket(String bucket) {
    this.bucket = bucket;
  }

  @JsonProperty
  public DataSize getMaxSize() {
    return maxSize;
  }

  @JsonProperty
  public void setMaxSize(DataSize maxSize) {
    this.maxSize = maxSize;
  }

  @JsonProperty
  public long getMaxPixels() {
    return maxPixels;
  }

  @JsonProperty
  public void setMaxPixels(long maxPixels) {
    this.maxPixels = maxPixels;
  }

  @JsonProperty
  public boolean isAllowSvg() {
    return allowSvg;
  }

  @JsonProperty
  public void setAllowSvg(boolean allowSvg) {
    this.allowSvg = allowSvg;
  }

  @JsonProperty
  public String getCacheControl() {
    return cacheControl;
  }

  @JsonProperty
  public void setCacheControl(String cacheControl) {
    this.cacheControl = cacheControl;
  }
}
