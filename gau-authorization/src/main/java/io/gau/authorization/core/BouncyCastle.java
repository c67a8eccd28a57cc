package io.gau.authorization.core;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Security;
import java.security.spec.PKCS8EncodedKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jose4j.jca.ProviderContext;

/**
 * Bouncy Castle for signing ES256, with the private key converted to BC's own key class once. Handing BC a JDK
 * {@code ECPrivateKey} makes it translate the key and its curve on every signature, which cost more than the
 * signature itself (ops/bench/authorization: sign 1.8k/s to 6.9k/s). Verification uses {@link Es256KeyTable}.
 */
final class BouncyCastle {
  static {
    if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
      Security.addProvider(new BouncyCastleProvider()); // appended: the JDK's providers stay the defaults elsewhere
    }
  }

  /** Per thread, so that each signer draws its ECDSA nonces from its own {@link Randomness} DRBG. */
  private static final ThreadLocal<ProviderContext> SIGNING = ThreadLocal.withInitial(BouncyCastle::signing);

  private BouncyCastle() {}

  /** The provider context for signing on this thread. */
  static ProviderContext signingContext() {
    return SIGNING.get();
  }

  private static ProviderContext signing() {
    ProviderContext context = new ProviderContext();
    context.getSuppliedKeyProviderContext().setSignatureProvider(BouncyCastleProvider.PROVIDER_NAME);
    context.setSecureRandom(Randomness.current());
    return context;
  }

  static PrivateKey ecPrivate(PrivateKey key) {
    try {
      return KeyFactory.getInstance("EC", BouncyCastleProvider.PROVIDER_NAME)
          .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot convert an EC private key for Bouncy Castle", e);
    }
  }
}
