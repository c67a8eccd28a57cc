package io.gau.upload.core;

import io.gau.shared.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises an image by its magic bytes and reads its dimensions from the header only, so that a
 * decompression bomb is refused before any pixel is decoded.
 */
public final class ImageInspector {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private ImageInspector() {}

  /** The format the bytes really are, if it is one we know (SVG included; callers decide whether to allow it). */
  public static Optional<ImageType> detect(byte[] data) {
    if (startsWith(data, 0, PNG_SIGNATURE)) {
      return Optional.of(ImageType.PNG);
    }
    if (data.length >= 3 && u8(data, 0) == 0xff && u8(data, 1) == 0xd8 && u8(data, 2) == 0xff) {
      return Optional.of(ImageType.JPEG);
    }
    if (startsWith(data, 0, ascii("GIF87a")) || startsWith(data, 0, ascii("GIF89a"))) {
      return Optional.of(ImageType.GIF);
    }
    if (startsWith(data, 0, ascii("RIFF")) && startsWith(data, 8, ascii("WEBP"))) {
      return Optional.of(ImageType.WEBP);
    }
    if (data.length >= 6 && u8(data, 0) == 0 && u8(data, 1) == 0 && u8(data, 2) == 1 && u8(data, 3) == 0
        && le16(data, 4) > 0) {
      return Optional.of(ImageType.ICO);
    }
    if (looksLikeSvg(data)) {
      return Optional.of(ImageType.SVG);
    }
    return Optional.empty();
  }

  /** Reads the dimensions of an image of a known type; a truncated or inconsistent header is a 422. */
  public static ImageInfo inspect(ImageType type, byte[] data) {
    try {
      return switch (type) {
        case PNG -> pngInfo(data, 0);
        case JPEG -> jpegInfo(data);
        case GIF -> new ImageInfo(type, le16(data, 6), le16(data, 8));
        case WEBP -> webpInfo(data);
        case ICO -> icoInfo(data);
        case SVG -> new ImageInfo(type, 0, 0);
      };
    } catch (IndexOutOfBoundsException e) {
      throw invalid(type);
    }
  }

  private static ImageInfo pngInfo(byte[] data, int offset) {
    if (!startsWith(data, offset, PNG_SIGNATURE) || !startsWith(data, offset + 12, ascii("IHDR"))) {
      throw invalid(ImageType.PNG);
    }
    return new ImageInfo(ImageType.PNG, be32(data, offset + 16), be32(data, offset + 20));
  }

  private static ImageInfo jpegInfo(byte[] data) {
    int i = 2;
    while (true) {
      if (u8(data, i) != 0xff) {
        throw invalid(ImageType.JPEG);
      }
      int marker = u8(data, i + 1);
      if (marker == 0xff) {
        i++; // fill byte
        continue;
      }
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2;
        continue;
      }
      if (marker == 0xda || marker == 0xd9) {
        throw invalid(ImageType.JPEG); // scan data before any frame header
      }
      int length = be16(data, i + 2);
      boolean startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
      if (startOfFrame) {
        return new ImageInfo(ImageType.JPEG, be16(data, i + 7), be16(data, i + 5));
      }
      i += 2 + length;
    }
  }

  private static ImageInfo webpInfo(byte[] data) {
    String chunk = new String(data, 12, 4, StandardCharsets.US_ASCII);
    return switch (chunk) {
      case "VP8 " -> new ImageInfo(ImageType.WEBP, le16(data, 26) & 0x3fff, le16(data, 28) & 0x3fff);
      case "VP8L" -> {
        long bits = le32(data, 21);
        yield new ImageInfo(ImageType.WEBP, (int) (bits & 0x3fff) + 1, (int) ((bits >> 14) & 0x3fff) + 1);
      }
      case "VP8X" -> new ImageInfo(ImageType.WEBP, le24(data, 24) + 1, le24(data, 27) + 1);
      default -> throw invalid(ImageType.WEBP);
    };
  }

  /** The largest entry of an icon; an embedded PNG is judged by its own header, not the directory's byte. */
  private static ImageInfo icoInfo(byte[] data) {
    int count = le16(data, 4);
    int width = 0;
    int height = 0;
    for (int n = 0; n < count; n++) {
      int entry = 6 + 16 * n;
      int w = u8(data, entry) == 0 ? 256 : u8(data, entry);
      int h = u8(data, entry + 1) == 0 ? 256 : u8(data, entry + 1);
      int offset = (int) le32(data, entry + 12);
      if (offset >= 0 && startsWith(data, offset, PNG_SIGNATURE)) {
        ImageInfo embedded = pngInfo(data, offset);
        w = embedded.width();
        h = embedded.height();
      }
      width = Math.max(width, w);
      height = Math.max(height, h);
    }
    return new ImageInfo(ImageType.ICO, width, height);
  }

  private static boolean looksLikeSvg(byte[] data) {
    int length = Math.min(data.length, 1024);
    String head = new String(data, 0, length, StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
    String lower = head.toLowerCase(Locale.ROOT);
    return lower.startsWith("<svg") || ((lower.startsWith("<?xml") || lower.startsWith("<!--")) && lower.contains("<svg"));
  }

  private static ApiException invalid(ImageType type) {
    return ApiException.unprocessable("invalid_image", "file: not a readable " + type.name() + " image");
  }

  static boolean startsWith(byte[] data, int offset, byte[] prefix) {
    if (offset < 0 || data.length < offset + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static int u8(byte[] d, int i) {
    return d[i] & 0xff;
  }

  static int be16(byte[] d, int i) {
    return (u8(d, i) << 8) | u8(d, i + 1);
  }

  static int be32(byte[] d, int i) {
    return (u8(d, i) << 24) | (u8(d, i + 1) << 16) | (u8(d, i + 2) << 8) | u8(d, i + 3);
  }

  static int le16(byte[] d, int i) {
    return u8(d, i) | (u8(d, i + 1) << 8);
  }

  static int le24(byte[] d, int i) {
    return u8(d, i) | (u8(d, i + 1) << 8) | (u8(d, i + 2) << 16);
  }

  static long le32(byte[] d, int i) {
    return (u8(d, i) | (u8(d, i + 1) << 8) | (u8(d, i + 2) << 16) | ((long) u8(d, i + 3) << 24)) & 0xffffffffL;
  }
}
