package io.gau.account.core;

/** Where avatar images go (gau-upload in production); answers the public URL of the stored image. */
public interface AvatarStore {
  String store(byte[] content, String filename, String contentType);
}
