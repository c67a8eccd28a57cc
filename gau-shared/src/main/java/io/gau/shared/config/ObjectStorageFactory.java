package io.gau.shared.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.AutoCloseableManager;
import io.dropwizard.util.Duration;
import io.gau.shared.health.ObjectStorageHealthCheck;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The {@code storage:} block: any S3 API — Cloudflare R2 ({@code https://<account>.r2.cloudflarestorage.com},
 * region {@code auto}), MinIO, or s3proxy in the local stack — with path-style addressing by default.
 */
public class ObjectStorageFactory {
  /** Empty means AWS S3 itself; otherwise the R2/MinIO/s3proxy endpoint. */
  private String endpoint;

  @NotEmpty private String region = "us-east-1";
  @NotEmpty private String accessKey;
  @NotEmpty private String secretKey;
  private boolean pathStyle = true;
  @NotNull private Duration connectTimeout = Duration.seconds(2);
  /** Upper bound of one whole S3 call, so a stalled store turns into a 503 instead of a hung request. */
  @NotNull private Duration requestTimeout = Duration.seconds(30);
  /** Bucket probed by the health check. */
  @NotEmpty private String healthCheckBucket = "images";

  @JsonProperty
  public String getEndpoint() {
    return endpoint;
  }

  @JsonProperty
  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  @JsonProperty
  public String getRegion() {
    return region;
  }

  @JsonProperty
  public void setRegion(String region) {
    this.region = region;
  }

  @JsonProperty
  public String getAccessKey() {
    return accessKey;
  }

  @JsonProperty
  public void setAccessKey(String accessKey) {
    this.accessKey = accessKey;
  }

  @JsonProperty
  public String getSecretKey() {
    return secretKey;
  }

  @JsonProperty
  public void setSecretKey(String secretKey) {
    this.secretKey = secretKey;
  }

  @JsonProperty
  public boolean isPathStyle() {
    return pathStyle;
  }

  @JsonProperty
  public void setPathStyle(boolean pathStyle) {
    this.pathStyle = pathStyle;
  }

  @JsonProperty
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  @JsonProperty
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  @JsonProperty
  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  @JsonProperty
  public void setRequestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
  }

  @JsonProperty
  public String getHealthCheckBucket() {
    return healthCheckBucket;
  }

  @JsonProperty
  public void setHealthCheckBucket(String healthCheckBucket) {
    this.healthCheckBucket = healthCheckBucket;
  }

  /** Builds the client, closes it on shutdown and registers an "object-storage" health check. */
  public S3Client build(Environment environment) {
    S3Client client = build();
    environment.lifecycle().manage(new AutoCloseableManager(client));
    environment.healthChecks().register("object-storage", new ObjectStorageHealthCheck(client, healthCheckBucket));
    return client;
  }

  /** A client with no lifecycle attached (tools, tests). */
  public S3Client build() {
    var builder =
        S3Client.builder()
            .region(Region.of(region))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build())
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(java.time.Duration.ofMillis(connectTimeout.toMilliseconds()))
                    .socketTimeout(java.time.Duration.ofMillis(requestTimeout.toMilliseconds())))
            .overrideConfiguration(
                c -> c.apiCallTimeout(java.time.Duration.ofMillis(requestTimeout.toMilliseconds())));
    if (endpoint != null && !endpoint.isBlank()) {
      builder.endpointOverride(URI.create(endpoint));
    }
    return builder.build();
  }
}
