package io.gau.authorization.core;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jose4j.jca.ProviderContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JCA provider that signs and verifies ES256 access tokens: the Amazon Corretto Crypto Provider (AWS-LC's
 * native ECDSA) where its native library loads and passes its self-test, Bouncy Castle otherwise (or when the
 * system property {@value #NATIVE_PROPERTY} is {@code false}). It is chosen per call through jose4j's
 * {@link ProviderContext}: both providers are appended to the JCA list, never put first, so the JDK's own
 * providers stay the defaults for everything else. Keys are converted to the provider's own key classes once,
 * because a provider handed a foreign key object translates it (and its curve) on every signature.
 */
final class EcdsaProvider {
  /** {@code -Dgau.crypto.native=false} keeps ES256 on Bouncy Castle even where the native provider loads. */
  static final String NATIVE_PROPERTY = "gau.crypto.native";
  private static final Logger LOG = LoggerFactory.getLogger(EcdsaProvider.class);
  private static final String NAME = choose();

  /** Per thread, so that Bouncy Castle draws each signer's ECDSA nonces from its own {@link Randomness} DRBG. */
  private static final ThreadLocal<ProviderContext> SIGNING = ThreadLocal.withInitial(() -> signing(NAME));
  private static final ProviderContext VERIFYING = verifying(NAME);

  private EcdsaProvider() {}

  /** The provider in use, for the start-up log line and the benchmark. */
  static String name() {
    return NAME;
  }

  /** The provider context for signing on this thread. */
  static ProviderContext signingContext() {
    return SIGNING.get();
  }

  /** The provider context for verifying (shared: jose4j only reads it). */
  static ProviderContext verificationContext() {
    return VERIFYING;
  }

  /** A context for signing with the named provider (tests compare both providers). */
  static ProviderContext signing(String provider) {
    ProviderContext context = new ProviderContext();
    context.getSuppliedKeyProviderContext().setSignatureProvider(provider);
    context.setSecureRandom(Randomness.current());
    return context;
  }

  /** A context for verifying with the named provider. */
  static ProviderContext verifying(String provider) {
    ProviderContext context = new ProviderContext();
    context.getSuppliedKeyProviderContext().setSignatureProvider(provider);
    return context;
  }

  /** The EC public key as a key object of the provider in use. */
  static PublicKey publicKey(PublicKey key) {
    return publicKey(key, NAME);
  }

  static PublicKey publicKey(PublicKey key, String provider) {
    try {
      return KeyFactory.getInstance("EC", provider).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot convert an EC public key for " + provider, e);
    }
  }

  /** The EC private key as a key object of the provider in use. */
  static PrivateKey privateKey(PrivateKey key) {
    return privateKey(key, NAME);
  }

  static PrivateKey privateKey(PrivateKey key, String provider) {
    try {
      return KeyFactory.getInstance("EC", provider).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot convert an EC private key for " + provider, e);
    }
  }

  /** Registers Bouncy Castle (always: the fallback) and the native provider when it is healthy. */
  private static String choose() {
    if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
    String name = nativeProvider().orElse(BouncyCastleProvider.PROVIDER_NAME);
    LOG.info("ES256 signatures and verifications by the {} provider", name);
    return name;
  }

  /** The Corretto provider's name once registered, or empty (with the reason logged) when it cannot serve. */
  static Optional<String> nativeProvider() {
    if ("false".equalsIgnoreCase(System.getProperty(NATIVE_PROPERTY))) {
      return Optional.empty();
    }
    try {
      AmazonCorrettoCryptoProvider corretto = AmazonCorrettoCryptoProvider.INSTANCE;
      if (corretto.getLoadingError() != null) {
        LOG.warn("native crypto provider unavailable ({}); using Bouncy Castle", corretto.getLoadingError().toString());
        return Optional.empty();
      }
      corretto.assertHealthy();
      Provider registered = Security.getProvider(corretto.getName());
      if (registered == null) {
        Security.addProvider(corretto);
      }
      return Optional.of(corretto.getName());
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("native crypto provider unavailable ({}); using Bouncy Castle", e.toString());
      return Optional.empty();
    }
  }
}
