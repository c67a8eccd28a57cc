package io.gau.upload.core;

import static io.gau.upload.core.ImageInspector.ascii;
import static io.gau.upload.core.ImageInspector.be16;
import static io.gau.upload.core.ImageInspector.be32;
import static io.gau.upload.core.ImageInspector.le16;
import static io.gau.upload.core.ImageInspector.le32;
import static io.gau.upload.core.ImageInspector.startsWith;
import static io.gau.upload.core.ImageInspector.u8;

import io.gau.shared.errors.ApiException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Removes metadata (EXIF with GPS, XMP, comments, text and time chunks) by rewriting the container
 * without re-encoding pixels: the result is byte-for-byte the same picture, just without what the camera
 * or editor attached. A JPEG's EXIF orientation survives as a minimal EXIF block holding only that tag,
 * so a rotated photo still displays upright.
 */
public final class MetadataStripper {
  private static final Set<String> PNG_METADATA_CHUNKS = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");
  private static final int ORIENTATION_TAG = 0x0112;

  private MetadataStripper() {}

  public static byte[] strip(ImageType type, byte[] data) {
    try {
      return switch (type) {
        case PNG -> stripPng(data);
        case JPEG -> stripJpeg(data);
        case WEBP -> stripWebp(data);
        // GIF comment/XMP extensions and ICO are kept as uploaded (see docs/upload.md)
        case GIF, ICO, SVG -> data;
      };
    } catch (IndexOutOfBoundsException e) {
      throw ApiException.unprocessable("invalid_image", "file: truncated " + type.name() + " image");
    }
  }

  static byte[] stripPng(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
    out.write(data, 0, 8);
    int i = 8;
    while (true) {
      int length = be32(data, i);
      if (length < 0 || i + 12L + length > data.length) {
        throw ApiException.unprocessable("invalid_image", "file: truncated PNG chunk");
      }
      String type = new String(data, i + 4, 4, StandardCharsets.US_ASCII);
      if (!PNG_METADATA_CHUNKS.contains(type)) {
        out.write(data, i, 12 + length);
      }
      i += 12 + length;
      if (type.equals("IEND")) {
        return out.toByteArray(); // anything after IEND is dropped too
      }
    }
  }

  static byte[] stripJpeg(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
    out.write(0xff);
    out.write(0xd8);
    int i = 2;
    while (true) {
      if (u8(data, i) != 0xff) {
        throw ApiException.unprocessable("invalid_image", "file: corrupt JPEG segment");
      }
      int marker = u8(data, i + 1);
      if (marker == 0xff) {
        i++;
        continue;
      }
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        out.write(data, i, 2);
        i += 2;
        continue;
      }
      if (marker == 0xda) {
        int end = endOfImage(data, i);
        out.write(data, i, end - i);
        return out.toByteArray();
      }
      int segment = 2 + be16(data, i + 2);
      if (i + segment > data.length) {
        throw ApiException.unprocessable("invalid_image", "file: truncated JPEG segment");
      }
      if (marker == 0xe1 && startsWith(data, i + 4, ascii("Exif\0\0"))) {
        int orientation = exifOrientation(data, i + 10, i + segment);
        if (orientation > 1 && orientation <= 8) {
          out.writeBytes(minimalExif(orientation));
        }
      } else if (keepJpegSegment(marker, data, i)) {
        out.write(data, i, segment);
      }
      i += segment;
    }
  }

  /** APP0 (JFIF), APP14 (Adobe colour transform) and APP2 ICC profiles change how pixels look; other APPn and COM do not. */
  private static boolean keepJpegSegment(int marker, byte[] data, int i) {
    if (marker == 0xfe) {
      return false;
    }
    if (marker >= 0xe0 && marker <= 0xef) {
      return marker == 0xe0 || marker == 0xee || (marker == 0xe2 && startsWith(data, i + 4, ascii("ICC_PROFILE\0")));
    }
    return true;
  }

  /** Index just after the EOI marker that ends the scans (trailing data such as appended files is dropped). */
  private static int endOfImage(byte[] data, int from) {
    for (int j = from + 2; j + 1 < data.length; j++) {
      if (u8(data, j) == 0xff && u8(data, j + 1) == 0xd9) {
        return j + 2;
      }
    }
    return data.length;
  }

  private static int exifOrientation(byte[] data, int tiff, int end) {
    try {
      boolean little = data[tiff] == 'I';
      int ifd = tiff + (int) (little ? le32(data, tiff + 4) : be32(data, tiff + 4) & 0xffffffffL);
      int count = little ? le16(data, ifd) : be16(data, ifd);
      for (int n = 0; n < count; n++) {
        int entry = ifd + 2 + 12 * n;
        if (entry + 12 > end) {
          return 1;
        }
        int tag = little ? le16(data, entry) : be16(data, entry);
        if (tag == ORIENTATION_TAG) {
          return little ? le16(data, entry + 8) : be16(data, entry + 8);
        }
      }
    } catch (IndexOutOfBoundsException e) {
      // a broken EXIF block is simply dropped
    }
    return 1;
  }

  /** APP1 holding a big-endian TIFF header with one IFD entry: Orientation. */
  static byte[] minimalExif(int orientation) {
    byte[] tiff = {
      'M', 'M', 0, 42, 0, 0, 0, 8, // header, IFD0 at 8
      0, 1, // one entry
      0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, 1 value
      0, 0, 0, 0 // no next IFD
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int length = 2 + 6 + tiff.length;
    out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xe1, (byte) (length >> 8), (byte) length});
    out.writeBytes(ascii("Exif\0\0"));
    out.writeBytes(tiff);
    return out.toByteArray();
  }

  /** Extended WebP keeps EXIF and XMP in their own chunks; drop them and clear their VP8X flags. */
  static byte[] stripWebp(byte[] data) {
    if (!startsWith(data, 12, ascii("VP8X"))) {
      return data; // simple formats (VP8, VP8L) cannot carry metadata
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(data.length);
    int i = 12;
    int end = (int) Math.min(data.length, 8 + le32(data, 4));
    while (i + 8 <= end) {
      String fourcc = new String(data, i, 4, StandardCharsets.US_ASCII);
      int size = (int) le32(data, i + 4);
      int padded = size + (size & 1);
      if (size < 0 || i + 8L + size > data.length) {
        throw ApiException.unprocessable("invalid_image", "file: truncated WebP chunk");
      }
      if (!fourcc.equals("EXIF") && !fourcc.equals("XMP ")) {
        int start = body.size();
        body.write(data, i, (int) Math.min(8L + padded, data.length - i));
        if (fourcc.equals("VP8X")) {
          byte[] current = body.toByteArray();
          current[start + 8] &= (byte) ~0x0c; // EXIF (0x08) and XMP (0x04) flags
          body.reset();
          body.writeBytes(current);
        }
      }
      i += 8 + padded;
    }
    byte[] chunks = body.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream(chunks.length + 12);
    int riffSize = 4 + chunks.length;
    out.writeBytes(ascii("RIFF"));
    out.writeBytes(new byte[] {(byte) riffSize, (byte) (riffSize >> 8), (byte) (riffSize >> 16), (byte) (riffSize >> 24)});
    out.writeBytes(ascii("WEBP"));
    out.writeBytes(chunks);
    return out.toByteArray();
  }
}
