package io.gau.email.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * The {@code templates:} block: the origins a mail may link to, the locale of messages that name none,
 * and the brand shown in the shared layout.
 */
public class TemplateSettings {
  /** {@code scheme://host[:port]}; an {@code actionUrl} on any other origin dead-letters the message. */
  @NotEmpty private List<@Pattern(regexp = "https?://[^/?#\\s]+/?") String> allowedLinkOrigins =
      List.of("http://127.0.0.1:8080", "http://localhost:8080");

  @Pattern(regexp = "en|vi")
  private String defaultLocale = "en";

  @NotEmpty private String productName = "Gau";
  @NotEmpty private String siteUrl = "https://gauas.online";

  @JsonProperty
  public List<String> getAllowedLinkOrigins() {
    return allowedLinkOrigins;
  }

  @JsonProperty
  public void setAllowedLinkOrigins(List<String> allowedLinkOrigins) {
    this.allowedLinkOrigins = allowedLinkOrigins;
  }

  @JsonProperty
  public String getDefaultLocale() {
    return defaultLocale;
  }

  @JsonProperty
  public void setDefaultLocale(String defaultLocale) {
    this.defaultLocale = defaultLocale;
  }

  @JsonProperty
  public String getProductName() {
    return productName;
  }

  @JsonProperty
  public void setProductName(String productName) {
    this.productName = productName;
  }

  @JsonProperty
  public String getSiteUrl() {
    return siteUrl;
  }

  @JsonProperty
  public void setSiteUrl(String siteUrl) {
    this.siteUrl = siteUrl;
  }
}
