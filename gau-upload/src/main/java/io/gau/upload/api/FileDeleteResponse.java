package io.gau.upload.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer to {@code DELETE /api/v2/upload/file}. */
public record FileDeleteResponse(
    @JsonProperty("file_path") String filePath,
    @JsonProperty("bucket") String bucket,
    @JsonProperty("message") String message,
    @JsonProperty("status") int status) {}
