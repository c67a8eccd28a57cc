package io.gau.upload.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Builds real image files for tests: small PNG/JPEG pictures, PNGs with text chunks, oversize and bomb headers. */
public final class TestImages {
  private TestImages() {}

  public static byte[] png(int width, int height) {
    return encode("png", picture(width, height));
  }

  public static byte[] jpeg(int width, int height) {
    return encode("jpg", picture(width, height));
  }

  /** A PNG carrying {@code text} in a tEXt chunk right after IHDR (where cameras and editors put it). */
  public static byte[] pngWithText(int width, int height, String text) {
    byte[] png = png(width, height);
    byte[] chunk = chunk("tEXt", ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1));
    int afterIhdr = 8 + 12 + 13;
    ByteBuffer out = ByteBuffer.allocate(png.length + chunk.length);
    out.put(png, 0, afterIhdr).put(chunk).put(png, afterIhdr, png.length - afterIhdr);
    return out.array();
  }

  /** A PNG whose header claims {@code width × height} pixels; the body is tiny (a decompression bomb's shape). */
  public static byte[] pngHeaderOnly(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    out.writeBytes(chunk("IHDR", ihdr.array()));
    out.writeBytes(chunk("IDAT", new byte[] {0x78, (byte) 0x9c, 3, 0, 0, 0, 0, 1}));
    out.writeBytes(chunk("IEND", new byte[0]));
    return out.toByteArray();
  }

  /** A structurally valid PNG of about {@code size} bytes of incompressible data: its size is its only fault. */
  public static byte[] bigPng(int size) {
    byte[] noise = new byte[size];
    new Random(42).nextBytes(noise);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] header = png(10, 10);
    out.write(header, 0, 8 + 25);
    out.writeBytes(chunk("IDAT", noise));
    out.writeBytes(chunk("IEND", new byte[0]));
    return out.toByteArray();
  }

  public static byte[] chunk(String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length)
        .putInt(data.length)
        .put(typeBytes)
        .put(data)
        .putInt((int) crc.getValue())
        .array();
  }

  private static BufferedImage picture(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(width * 31L + height);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(0xffffff));
      }
    }
    return image;
  }

  private static byte[] encode(String format, BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
