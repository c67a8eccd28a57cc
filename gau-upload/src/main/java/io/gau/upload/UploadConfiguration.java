package io.gau.upload;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.gau.shared.config.ObjectStorageFactory;
import io.gau.shared.http.PrivateKeyFilter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Configuration of gau-upload: object storage and the shared key. */
public class UploadConfiguration extends Configuration {
  @Valid @NotNull private ObjectStorageFactory storage = new ObjectStorageFactory();

  @NotNull
  @Size(min = PrivateKeyFilter.MIN_SECRET_BYTES, message = "must be at least 32 characters (PRIVATE_KEY)")
  private String privateKey;

  @JsonProperty
  public ObjectStorageFactory getStorage() {
    return storage;
  }

  @JsonProperty
  public void setStorage(ObjectStorageFactory storage) {
    this.storage = storage;
  }

  @JsonProperty
  public String getPrivateKey() {
    return privateKey;
  }

  @JsonProperty
  public void setPrivateKey(String privateKey) {
    this.privateKey = privateKey;
  }
}
