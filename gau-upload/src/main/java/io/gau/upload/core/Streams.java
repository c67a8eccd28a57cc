package io.gau.upload.core;

import io.gau.shared.errors.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Bounded reading of request bodies: a body over the limit is refused with 413, never truncated. */
public final class Streams {
  private static final int BUFFER = 64 * 1024;

  private Streams() {}

  /** Reads the whole stream if it holds at most {@code limit} bytes; reads at most one byte more to find out. */
  public static byte[] readAtMost(InputStream in, long limit, String field) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    copyAtMost(in, out, limit, field);
    return out.toByteArray();
  }

  /** Copies at most {@code limit} bytes; returns the count, or throws 413 as soon as the limit is passed. */
  public static long copyAtMost(InputStream in, OutputStream out, long limit, String field) {
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    try {
      int n;
      while ((n = in.read(buffer)) != -1) {
        total += n;
        if (total > limit) {
          throw tooLarge(field, limit);
        }
        out.write(buffer, 0, n);
      }
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the upload failed", e);
    }
  }

  public static ApiException tooLarge(String field, long limit) {
    return ApiException.payloadTooLarge("payload_too_large", field + ": larger than the limit of " + limit + " bytes");
  }

}
