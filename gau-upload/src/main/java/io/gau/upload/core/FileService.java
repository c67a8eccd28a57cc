package io.gau.upload.core;

import io.gau.shared.crypto.Sha256;
import io.gau.shared.errors.ApiException;
import io.gau.shared.storage.ObjectKeys;
import io.gau.upload.api.FileDeleteResponse;
import io.gau.upload.api.FileListResponse;
import io.gau.upload.api.FileUploadResponse;
import io.gau.upload.config.FileSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The generic file API on allow-listed buckets: uploads are spooled to a temporary file while hashed
 * (never held in memory), de-duplicated through the {@code sha256} metadata of the target key, and every
 * overwrite or delete invalidates the CDN's copies.
 */
public class FileService {
  private static final int MAX_PAGE = 1000;
  private static final String TOKEN_CHARS = "[A-Za-z0-9+/=_\\-.~:%]{1,1024}";

  private final ObjectStore store;
  private final CdnInvalidator invalidator;
  private final FileSettings settings;
  private final Set<String> buckets;
  private final Path tempDir;

  public FileService(ObjectStore store, CdnInvalidator invalidator, FileSettings settings) {
    this.store = store;
    this.invalidator = invalidator;
    this.settings = settings;
    this.buckets = Set.copyOf(settings.getBuckets());
    this.tempDir =
        settings.getTempDir() == null || settings.getTempDir().isBlank() ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(settings.getTempDir());
  }

  /** Stores one uploaded file; {@code hashName} names it by content, otherwise by its sanitised client name. */
  public FileUploadResponse upload(
      InputStream file, String originalName, String declaredType, String bucketParam, String pathParam, boolean hashName) {
    if (file == null) {
      throw ApiException.badRequest("file_required", "file is required");
    }
    String bucket = bucket(bucketParam);
    String folder = ObjectKeys.folder("path", pathParam, false);
    Path spool = spool();
    try {
      String hash = copyAndHash(file, spool);
      long size = Files.size(spool);
      String contentType = contentType(declaredType, spool, originalName);
      String extension = FileNames.extension(originalName, contentType);
      String name = hashName ? ObjectKeys.contentAddressedName(hash, extension) : FileNames.sanitize(originalName, extension);
      String key = ObjectKeys.key("path", ObjectKeys.join(folder, name));
      Optional<StoredObject> existing = store.head(bucket, key);
      if (existing.isPresent() && existing.get().sha256().filter(hash::equals).isPresent()) {
        return new FileUploadResponse(key, hash, "File already exists (deduplicated)", bucket, contentType, size, true, 200);
      }
      store.put(bucket, key, spool, contentType, settings.getCacheControl(), metadata(hash, originalName));
      invalidator.invalidate(bucket, key);
      return new FileUploadResponse(key, hash, "File uploaded successfully", bucket, contentType, size, false, 200);
    } catch (IOException e) {
      throw new UncheckedIOException("spooling the upload failed", e);
    } finally {
      deleteQuietly(spool);
    }
  }

  /** Opens an object for streaming; the caller closes it. */
  public ResponseInputStream<GetObjectResponse> open(String bucketParam, String filePath) {
    return store.get(bucket(bucketParam), ObjectKeys.key("file_path", filePath));
  }

  public FileDeleteResponse delete(String bucketParam, String filePath) {
    String bucket = bucket(bucketParam);
    String key = ObjectKeys.key("file_path", filePath);
    store.delete(bucket, key);
    invalidator.invalidate(bucket, key);
    return new FileDeleteResponse(key, bucket, "File deleted successfully", 200);
  }

  public FileListResponse list(String bucketParam, String prefixParam, String continuationToken, Integer limitParam) {
    String bucket = bucket(bucketParam);
    String prefix = prefixParam == null || prefixParam.isBlank() ? "" : ObjectKeys.key("prefix", prefixParam.strip());
    int limit = limitParam == null ? MAX_PAGE : limitParam;
    if (limit < 1 || limit > MAX_PAGE) {
      throw ApiException.badRequest("invalid_limit", "limit must be between 1 and " + MAX_PAGE);
    }
    if (continuationToken != null && !continuationToken.isEmpty() && !continuationToken.matches(TOKEN_CHARS)) {
      throw ApiException.badRequest("invalid_continuation_token", "continuation_token is malformed");
    }
    ObjectStore.Page page = store.list(bucket, prefix, continuationToken, limit);
    return new FileListResponse(page.keys(), page.keys().size(), bucket, prefix, page.nextContinuationToken(), 200);
  }

  private String bucket(String bucket) {
    if (bucket == null || bucket.isBlank()) {
      throw ApiException.badRequest("bucket_required", "bucket parameter is required");
    }
    if (!buckets.contains(bucket.strip())) {
      throw ApiException.forbidden("bucket_not_allowed", "bucket: not one of the buckets this service may use");
    }
    return bucket.strip();
  }

  private Path spool() {
    try {
      Files.createDirectories(tempDir);
      return Files.createTempFile(tempDir, "gau-upload-", ".part");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a spool file in " + tempDir, e);
    }
  }

  private String copyAndHash(InputStream in, Path target) throws IOException {
    MessageDigest digest = Sha256.newDigest();
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
      Streams.copyAtMost(in, out, settings.getMaxSize().toBytes(), "file");
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The declared type when it is a well-formed media type, else what the first bytes say, else octet-stream. */
  private static String contentType(String declared, Path file, String originalName) throws IOException {
    if (declared != null && declared.matches("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+")
        && !declared.equalsIgnoreCase("application/octet-stream")) {
      return declared.toLowerCase(Locale.ROOT);
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(1024);
    }
    return ImageInspector.detect(head).map(ImageType::contentType).orElse("application/octet-stream");
  }

  private static Map<String, String> metadata(String hash, String originalName) {
    String name = originalName == null ? "" : URLEncoder.encode(originalName, StandardCharsets.UTF_8);
    return Map.of(ObjectStore.SHA256_METADATA, hash, "original-name", name.length() > 512 ? name.substring(0, 512) : name);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover spool file in the temp folder is harmless
    }
  }
}
