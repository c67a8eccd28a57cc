package io.gau.upload.core;

import io.gau.shared.crypto.Sha256;
import io.gau.shared.errors.ApiException;
import io.gau.shared.storage.ObjectKeys;
import io.gau.upload.api.ImageUploadResponse;
import io.gau.upload.config.ImageSettings;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Validates an image (size while reading, type by magic bytes, pixel count from the header), strips its
 * metadata and stores it under {@code <folder>/<sha256>.<ext>}: the same picture is stored once however
 * often it is uploaded.
 */
public class ImageUploadService {
  private final ObjectStore store;
  private final CdnInvalidator invalidator;
  private final ImageSettings settings;
  private final String cdnBaseUrl;

  public ImageUploadService(ObjectStore store, CdnInvalidator invalidator, ImageSettings settings, String cdnBaseUrl) {
    this.store = store;
    this.invalidator = invalidator;
    this.settings = settings;
    this.cdnBaseUrl = cdnBaseUrl.endsWith("/") ? cdnBaseUrl.substring(0, cdnBaseUrl.length() - 1) : cdnBaseUrl;
  }

  public ImageUploadResponse upload(InputStream file, String filePath) {
    if (file == null) {
      throw ApiException.badRequest("file_required", "file is required");
    }
    String folder = ObjectKeys.folder("file_path", filePath, true);
    byte[] original = Streams.readAtMost(file, settings.getMaxSize().toBytes(), "file");
    ImageType type = detect(original);
    ImageInfo info = ImageInspector.inspect(type, original);
    checkPixels(info);
    byte[] clean = MetadataStripper.strip(type, original);
    String hash = Sha256.hex(clean);
    String key = ObjectKeys.join(folder, ObjectKeys.contentAddressedName(hash, type.extension()));
    boolean duplicated = store.head(settings.getBucket(), key).isPresent();
    if (!duplicated) {
      store.put(
          settings.getBucket(),
          key,
          RequestBody.fromBytes(clean),
          type.contentType(),
          settings.getCacheControl(),
          Map.of(ObjectStore.SHA256_METADATA, hash));
      // a CDN may remember an earlier 404 for this key
      invalidator.invalidate(settings.getBucket(), key);
    }
    return new ImageUploadResponse(
        key,
        // the CDN's route for the images bucket, whatever that bucket is called in storage (gau-images in production)
        cdnBaseUrl + "/images/" + key,
        hash,
        type.contentType(),
        clean.length,
        info.width(),
        info.height(),
        duplicated,
        duplicated ? "File already exists (deduplicated)" : "File uploaded successfully",
        200);
  }

  private ImageType detect(byte[] data) {
    Optional<ImageType> type = ImageInspector.detect(data);
    if (type.isEmpty() || (type.get() == ImageType.SVG && !settings.isAllowSvg())) {
      throw ApiException.unsupportedMediaType(
          "unsupported_image_type",
          "file: not a supported image (JPEG, PNG, WebP, GIF, ICO" + (settings.isAllowSvg() ? ", SVG" : "") + ")");
    }
    return type.get();
  }

  private void checkPixels(ImageInfo info) {
    if (info.type() == ImageType.SVG) {
      return;
    }
    if (info.width() <= 0 || info.height() <= 0) {
      throw ApiException.unprocessable("invalid_image", "file: image has no width or height");
    }
    if (info.pixels() > settings.getMaxPixels()) {
      throw ApiException.unprocessable(
          "image_too_large",
          "file: " + info.width() + "x" + info.height() + " exceeds the limit of " + settings.getMaxPixels() + " pixels");
    }
  }
}
