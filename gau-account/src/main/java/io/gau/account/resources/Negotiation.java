package io.gau.account.resources;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Picks HTML or JSON for routes that a browser opens from a mail link. */
final class Negotiation {
  private Negotiation() {}

  /** True when the client prefers HTML over JSON (a browser); {@code *}/{@code *} alone means JSON. */
  static boolean wantsHtml(HttpHeaders headers) {
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (type.isWildcardType()) {
        return false;
      }
      if (type.isCompatible(MediaType.TEXT_HTML_TYPE) || type.isCompatible(MediaType.APPLICATION_XHTML_XML_TYPE)) {
        return true;
      }
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
    }
    return false;
  }
}
