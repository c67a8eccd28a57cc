package io.gau.upload.core;

import java.time.Instant;
import java.util.Optional;

/** What object storage knows about one object without its bytes. */
public record StoredObject(String bucket, String key, long size, String contentType, Optional<String> sha256, Instant lastModified) {}
