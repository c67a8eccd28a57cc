package io.gau.authorization.core;

import io.gau.shared.crypto.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under the key-encryption key derived from {@code SIGNING_KEY_SECRET}. Every ciphertext is
 * bound to a purpose string (its row) as associated data, so a ciphertext copied into another row fails.
 */
public class SecretBox {
  private static final byte VERSION = 1;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;

  /** @param secret at least 32 characters of high-entropy secret (checked by the configuration) */
  public SecretBox(String secret) {
    // the secret is already high-entropy; a labelled SHA-256 turns it into exactly 256 key bits
    MessageDigest sha = Sha256.newDigest();
    sha.update("gau-authorization/kek/v1\0".getBytes(StandardCharsets.UTF_8));
    this.key = new SecretKeySpec(sha.digest(secret.getBytes(StandardCharsets.UTF_8)), "AES");
  }

  public byte[] seal(byte[] plaintext, String purpose) {
    byte[] iv = Randomness.bytes(IV_BYTES);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /** @throws IllegalStateException when the ciphertext was made with another secret, purpose or was altered */
  public byte[] open(byte[] box, String purpose) {
    if (box == null || box.length < 1 + IV_BYTES + TAG_BITS / 8 || box[0] != VERSION) {
      throw new IllegalStateException("not a sealed value of this service");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, box, 1, IV_BYTES));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(box, 1 + IV_BYTES, box.length - 1 - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot decrypt a sealed value: wrong SIGNING_KEY_SECRET or altered data", e);
    }
  }
}
