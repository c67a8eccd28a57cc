package io.gau.upload;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.gau.shared.config.ObjectStorageFactory;
import io.gau.shared.config.RedisFactory;
import io.gau.shared.http.InternalCallers;
import io.gau.upload.config.CdnSettings;
import io.gau.upload.config.FileSettings;
import io.gau.upload.config.ImageSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Configuration of gau-upload: object storage, the shared key, upload limits and the CDN it invalidates. */
public class UploadConfiguration extends Configuration {
  @Valid @NotNull private ObjectStorageFactory storage = new ObjectStorageFactory();

  /** The CDN's Redis: invalidations are published there and its cached copies deleted. */
  @Valid @NotNull private RedisFactory redis = new RedisFactory();

  @Valid @NotNull private ImageSettings images = new ImageSettings();
  @Valid @NotNull private FileSettings files = new FileSettings();
  @Valid @NotNull private CdnSettings cdn = new CdnSettings();

  /** Who may call this service, each with its own key(s): see {@link InternalCallers}. */
  @NotNull private InternalCallers internalCallers;

  @JsonProperty
  public ObjectStorageFactory getStorage() {
    return storage;
  }

  @JsonProperty
  public void setStorage(ObjectStorageFactory storage) {
    this.storage = storage;
  }

  @JsonProperty
  public RedisFactory getRedis() {
    return redis;
  }

  @JsonProperty
  public void setRedis(RedisFactory redis) {
    this.redis = redis;
  }

  @JsonProperty
  public ImageSettings getImages() {
    return images;
  }

  @JsonProperty
  public void setImages(ImageSettings images) {
    this.images = images;
  }

  @JsonProperty
  public FileSettings getFiles() {
    return files;
  }

  @JsonProperty
  public void setFiles(FileSettings files) {
    this.files = files;
  }

  @JsonProperty
  public CdnSettings getCdn() {
    return cdn;
  }

  @JsonProperty
  public void setCdn(CdnSettings cdn) {
    this.cdn = cdn;
  }

  @JsonProperty
  public InternalCallers getInternalCallers() {
    return internalCallers;
  }

  @JsonProperty
  public void setInternalCallers(InternalCallers internalCallers) {
    this.internalCallers = internalCallers;
  }
}
