package io.gau.upload.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer to {@code PATCH /api/v2/upload/image}: the content-addressed key and its public CDN URL. */
public record ImageUploadResponse(
    @JsonProperty("file_path") String filePath,
    @JsonProperty("url") String url,
    @JsonProperty("file_hash") String fileHash,
    @JsonProperty("content_type") String contentType,
    @JsonProperty("size") long size,
    @JsonProperty("width") int width,
    @JsonProperty("height") int height,
    @JsonProperty("duplicated") boolean duplicated,
    @JsonProperty("message") String message,
    @JsonProperty("status") int status) {}
