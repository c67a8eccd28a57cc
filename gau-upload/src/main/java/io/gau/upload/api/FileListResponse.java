package io.gau.upload.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of {@code GET /api/v2/upload/files/list}; {@code files} is {@code []} when empty, never null. */
public record FileListResponse(
    @JsonProperty("files") List<String> files,
    @JsonProperty("count") int count,
    @JsonProperty("bucket") String bucket,
    @JsonProperty("prefix") String prefix,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("next_continuation_token") String nextContinuationToken,
    @JsonProperty("status") int status) {}
