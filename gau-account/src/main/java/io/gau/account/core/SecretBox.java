package io.gau.account.core;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM encryption of small secrets at rest (TOTP seeds) under the configured data key. */
public class SecretBox {
  private static final int NONCE_BYTES = 12;
  private final SecretKeySpec key;

  /** @param base64Key base64 of exactly 32 bytes ({@code security.dataKey} / ACCOUNT_DATA_KEY) */
  public SecretBox(String base64Key) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64Key.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("security.dataKey (ACCOUNT_DATA_KEY) is not base64");
    }
    if (raw.length != 32) {
      throw new IllegalArgumentException("security.dataKey (ACCOUNT_DATA_KEY) must decode to 32 bytes");
    }
    this.key = new SecretKeySpec(raw, "AES");
  }

  /** nonce || ciphertext+tag. */
  public byte[] seal(byte[] plain) {
    try {
      byte[] nonce = Secrets.randomBytes(NONCE_BYTES);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  public byte[] open(byte[] box) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Arrays.copyOf(box, NONCE_BYTES)));
      return cipher.doFinal(box, NONCE_BYTES, box.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("stored secret cannot be decrypted with security.dataKey", e);
    }
  }
}
