package io.gau.cdn.core;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.Optional;

/**
 * One object small enough to cache: its bytes, content type, SHA-256 (the strong ETag) and last
 * modification time, plus when this copy was fetched (for revalidation). Serialises to a compact binary
 * form for Redis. The body lives in a read-only direct buffer and the header values that never change are
 * rendered once, so a cached hit writes the same bytes again without copying or formatting anything.
 */
public final class CachedObject {
  private static final int FORMAT = 1;

  private final ByteBuffer body;
  private final ObjectMeta meta;
  private final long loadedAtMillis;
  private final String quotedEtag;
  private final String lastModifiedHeader;

  public CachedObject(byte[] body, String contentType, String sha256, long lastModifiedMillis, long loadedAtMillis) {
    this(direct(body), new ObjectMeta(body.length, contentType, sha256, lastModifiedMillis), loadedAtMillis);
  }

  private CachedObject(ByteBuffer body, ObjectMeta meta, long loadedAtMillis) {
    this.body = body;
    this.meta = meta;
    this.loadedAtMillis = loadedAtMillis;
    this.quotedEtag = HttpRules.quote(meta.etag());
    this.lastModifiedHeader = meta.lastModifiedMillis() > 0 ? HttpRules.httpDate(meta.lastModifiedMillis()) : null;
  }

  /** Off-heap: sockets take direct buffers as they are, where a heap array is copied on every write. */
  private static ByteBuffer direct(byte[] bytes) {
    return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
  }

  public ObjectMeta meta() {
    return meta;
  }

  public int size() {
    return body.capacity();
  }

  /** A copy of the bytes (for tests and tools; delivery uses {@link #bodySlice}). */
  public byte[] body() {
    byte[] copy = new byte[size()];
    body.duplicate().get(copy);
    return copy;
  }

  /** A read-only view of {@code length} bytes from {@code offset}, sharing the cached memory. */
  public ByteBuffer bodySlice(int offset, int length) {
    return body.slice(offset, length);
  }

  public long loadedAtMillis() {
    return loadedAtMillis;
  }

  /** {@code "<sha256>"}: the strong entity tag, quoted. */
  public String quotedEtag() {
    return quotedEtag;
  }

  /** The {@code Last-Modified} value, or null when storage did not say. */
  public String lastModifiedHeader() {
    return lastModifiedHeader;
  }

  /** The same bytes and headers, as fetched at another time. */
  public CachedObject withLoadedAt(long millis) {
    return new CachedObject(body, meta, millis);
  }

  public byte[] encode() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(size() + 128);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(FORMAT);
      out.writeUTF(meta.contentType());
      out.writeUTF(meta.etag());
      out.writeLong(meta.lastModifiedMillis());
      out.writeInt(size());
      out.flush();
      Channels.newChannel(bytes).write(body.duplicate());
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The decoded copy, or empty when the value is not in this format (then it is treated as a miss). */
  public static Optional<CachedObject> decode(byte[] value, long loadedAtMillis) {
    try {
      DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(value));
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
