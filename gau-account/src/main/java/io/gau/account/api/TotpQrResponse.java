package io.gau.account.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of A14: the otpauth URI (reference key {@code qr_code}), a QR PNG of it, and the secret itself. */
public record TotpQrResponse(
    @JsonProperty("qr_code") String qrCode,
    @JsonProperty("qr_png") String qrPng,
    @JsonProperty("secret") String secret,
    @JsonProperty("account") String account,
    @JsonProperty("issuer") String issuer,
    @JsonProperty("message") String message,
    @JsonProperty("status") int status) {}
