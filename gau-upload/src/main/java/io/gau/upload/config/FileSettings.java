package io.gau.upload.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The {@code files:} block: which buckets callers may use and how large a file may be. */
public class FileSettings {
  /** Buckets the file API may read and write; nothing else is reachable and no bucket is ever created. */
  @NotEmpty private List<@NotEmpty String> buckets = List.of("images", "files");

  @NotNull private DataSize maxSize = DataSize.mebibytes(100);

  /** Where an upload is spooled while it is hashed; empty means {@code java.io.tmpdir}. */
  private String tempDir = "";

  @NotEmpty private String cacheControl = "public, max-age=3600";

  @JsonProperty
  public List<String> getBuckets() {
    return buckets;
  }

  @JsonProperty
  public void setBuckets(List<String> buckets) {
    this.buckets = buckets;
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
  public String getTempDir() {
    return tempDir;
  }

  @JsonProperty
  public void setTempDir(String tempDir) {
    this.tempDir = tempDir;
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
