package io.gau.upload.core;

/** What the header of an image says: its format and its size in pixels (0 × 0 for SVG). */
public record ImageInfo(ImageType type, int width, int height) {
  public long pixels() {
    return (long) width * height;
  }
}
