package io.gau.account.core;

import io.gau.account.db.AccountStore;
import io.gau.shared.errors.ApiException;
import java.time.InstantSource;
import java.util.UUID;

/** Stores a new avatar through gau-upload and saves its URL; no transaction is held during the upload. */
public class AvatarService {
  private final AccountStore store;
  private final AvatarStore images;
  private final InstantSource clock;
  private final long maxBytes;

  public AvatarService(AccountStore store, AvatarStore images, InstantSource clock, long maxBytes) {
    this.store = store;
    this.images = images;
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  public String update(UUID userId, byte[] content, String filename, String contentType) {
    if (content == null || content.length == 0) {
      throw ApiException.badRequest("file_required", "file is required (multipart field 'file')");
    }
    if (content.length > maxBytes) {
      throw ApiException.payloadTooLarge("file_too_large", "file exceeds " + maxBytes + " bytes");
    }
    if (contentType != null && (contentType.contains("svg") || !(contentType.startsWith("image/")
        || contentType.equals("application/octet-stream")))) {
      throw ApiException.unsupportedMediaType("invalid_file_type", "file must be a PNG, JPEG, GIF or WebP image");
    }
    String url = images.store(content, filename, contentType);
    int updated = store.read(daos -> daos.users().updateAvatar(userId, url, clock.instant()));
    if (updated == 0) {
      throw ApiException.notFound("user_not_found", "User not found");
    }
    return url;
  }
}
