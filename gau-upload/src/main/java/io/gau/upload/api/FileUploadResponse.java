package io.gau.upload.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer to {@code POST /api/v2/upload/file} (reference §4.2 keys). */
public record FileUploadResponse(
    @JsonProperty("file_path") String filePath,
    @JsonProperty("file_hash") String fileHash,
    @JsonProperty("message") String message,
    @JsonProperty("bucket") String bucket,
    @JsonProperty("content_type") String contentType,
    @JsonProperty("size") long size,
    @JsonProperty("duplicated") boolean duplicated,
    @JsonProperty("status") int status) {}
