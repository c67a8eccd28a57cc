package io.gau.account.core;

import java.util.Optional;

/** Verifies a Google ID token or OAuth access token for one of our client ids. */
public interface GoogleVerifier {
  /** The token's profile; a 401 {@code ApiException} when it is not valid for us. */
  GoogleProfile verify(String token);

  /** The picture's bytes, or empty on any failure (a missing avatar must never block sign-in). */
  Optional<byte[]> download(String pictureUrl);
}
