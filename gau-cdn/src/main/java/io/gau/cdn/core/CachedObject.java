package io.gau.cdn.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * One object small enough to cache: its bytes, content type, SHA-256 (the strong ETag) and last
 * modification time, plus when this copy was fetched (for revalidation). Serialises to a compact binary
 * form for Redis.
 */
public record CachedObject(byte[] body, String contentType, String sha256, long lastModifiedMillis, long loadedAtMillis) {
  private static final int FORMAT = 1;

  public ObjectMeta meta() {
    return new ObjectMeta(body.length, contentType, sha256, lastModifiedMillis);
  }

  public CachedObject withLoadedAt(long millis) {
    return new CachedObject(body, contentType, sha256, lastModifiedMillis, millis);
  }

  public byte[] encode() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 128);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(FORMAT);
      out.writeUTF(contentType);
      out.writeUTF(sha256);
      out.writeLong(lastModifiedMillis);
      out.writeInt(body.length);
      out.write(body);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The decoded copy, or empty when the value is not in this format (then it is treated as a miss). */
  public static Optional<CachedObject> decode(byte[] value, long loadedAtMillis) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(value));
      if (in.readByte() != FORMAT) {
        return Optional.empty();
      }
      String contentType = in.readUTF();
      String sha256 = in.readUTF();
      long lastModified = in.readLong();
      int length = in.readInt();
      if (length < 0 || length > value.length) {
        return Optional.empty();
      }
      byte[] body = in.readNBytes(length);
      return body.length == length
          ? Optional.of(new CachedObject(body, contentType, sha256, lastModified, loadedAtMillis))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
