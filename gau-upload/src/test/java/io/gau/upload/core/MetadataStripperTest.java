package io.gau.upload.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gau.shared.errors.ApiException;
import io.gau.upload.support.TestImages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class MetadataStripperTest {
  @Test
  void pngTextChunksGoAndThePictureStaysReadable() throws Exception {
    byte[] png = TestImages.pngWithText(8, 6, "GPS 48.85N 2.35E");

    byte[] clean = MetadataStripper.strip(ImageType.PNG, png);

    assertThat(new String(clean, StandardCharsets.ISO_8859_1)).doesNotContain("GPS");
    assertThat(ImageIO.read(new ByteArrayInputStream(clean)).getWidth()).isEqualTo(8);
  }

  @Test
  void jpegExifAndCommentsGoButOrientationSurvives() throws Exception {
    byte[] jpeg = withExif(TestImages.jpeg(16, 8), exif(6, "GPS-SECRET"));

    byte[] clean = MetadataStripper.strip(ImageType.JPEG, jpeg);

    assertThat(new String(clean, StandardCharsets.ISO_8859_1)).doesNotContain("GPS-SECRET").contains("Exif");
    assertThat(clean).containsSequence(MetadataStripper.minimalExif(6));
    assertThat(ImageIO.read(new ByteArrayInputStream(clean)).getHeight()).isEqualTo(8);
    assertThat(ImageInspector.inspect(ImageType.JPEG, clean)).isEqualTo(new ImageInfo(ImageType.JPEG, 16, 8));
  }

  @Test
  void uprightJpegKeepsNoExifAtAll() {
    byte[] clean = MetadataStripper.strip(ImageType.JPEG, withExif(TestImages.jpeg(4, 4), exif(1, "Canon")));
    assertThat(new String(clean, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("Canon");
  }

  @Test
  void truncatedPngIsUnprocessable() {
    byte[] png = TestImages.png(4, 4);
    byte[] cut = java.util.Arrays.copyOf(png, png.length - 20);
    assertThatThrownBy(() -> MetadataStripper.strip(ImageType.PNG, cut))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
  }

  @Test
  void magicBytesDecideTheTypeNotTheName() {
    assertThat(ImageInspector.detect(TestImages.png(2, 2))).contains(ImageType.PNG);
    assertThat(ImageInspector.detect(TestImages.jpeg(2, 2))).contains(ImageType.JPEG);
    assertThat(ImageInspector.detect("GIF89a\1\0\1\0".getBytes(StandardCharsets.ISO_8859_1))).contains(ImageType.GIF);
    assertThat(ImageInspector.detect("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))).contains(ImageType.SVG);
    assertThat(ImageInspector.detect("hello".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  /** APP1 "Exif" with a little-endian IFD0 holding Orientation and an ASCII Make tag. */
  private static byte[] exif(int orientation, String make) {
    byte[] text = (make + "\0").getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream tiff = new ByteArrayOutputStream();
    int dataOffset = 8 + 2 + 2 * 12 + 4;
    tiff.writeBytes(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 2, 0});
    tiff.writeBytes(new byte[] {0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0});
    tiff.writeBytes(new byte[] {0x0f, 0x01, 2, 0, (byte) text.length, 0, 0, 0, (byte) dataOffset, 0, 0, 0});
    tiff.writeBytes(new byte[] {0, 0, 0, 0});
    tiff.writeBytes(text);
    byte[] payload = tiff.toByteArray();
    int length = 2 + 6 + payload.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xe1, (byte) (length >> 8), (byte) length});
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(payload);
    return out.toByteArray();
  }

  private static byte[] withExif(byte[] jpeg, byte[] app1) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.writeBytes(app1);
    out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 8, 'G', 'P', 'S', '-', 'S', 'E'}); // COM segment
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }
}
