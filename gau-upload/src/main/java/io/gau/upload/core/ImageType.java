package io.gau.upload.core;

/** The image formats gau-upload accepts, recognised by their magic bytes rather than a declared type. */
public enum ImageType {
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  GIF("image/gif", "gif"),
  WEBP("image/webp", "webp"),
  ICO("image/x-icon", "ico"),
  SVG("image/svg+xml", "svg");

  private final String contentType;
  private final String extension;

  ImageType(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }
}
