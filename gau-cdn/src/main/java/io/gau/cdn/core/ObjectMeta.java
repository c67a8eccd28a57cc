package io.gau.cdn.core;

/** What a response needs to know about an object besides its bytes; {@code etag} is unquoted. */
public record ObjectMeta(long size, String contentType, String etag, long lastModifiedMillis) {}
