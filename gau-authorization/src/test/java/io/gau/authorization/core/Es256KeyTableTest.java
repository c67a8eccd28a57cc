package io.gau.authorization.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/**
 * The table verifier against the JDK's own ECDSA (SunEC, an implementation independent of Bouncy Castle):
 * both must agree on every signature, valid or not, including the keys whose tables make the summation meet
 * its special cases (Q = G: the same point twice; Q = −G: a point and its negation).
 */
class Es256KeyTableTest {
  private static final BigInteger N = CustomNamedCurves.getByName("secp256r1").getN();
  private static final ECParameterSpec P256 = p256();
  private final SplittableRandom random = new SplittableRandom(20261126L);

  @Test
  void validSignaturesVerifyAndEveryAlteredOneFails() throws Exception {
    KeyPair pair = generate();
    Es256KeyTable table = new Es256KeyTable((ECPublicKey) pair.getPublic());
    for (int i = 0; i < 200; i++) {
      byte[] message = message(i);
      byte[] signature = sign(pair.getPrivate(), message);
      assertThat(table.verify(message, signature)).isTrue();

      byte[] otherMessage = message.clone();
      otherMessage[random.nextInt(otherMessage.length)] ^= (byte) (1 << random.nextInt(8));
      assertThat(table.verify(otherMessage, signature)).isFalse();

      byte[] otherSignature = signature.clone();
      otherSignature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
      assertThat(table.verify(message, otherSignature)).isEqualTo(jdkVerify(pair.getPublic(), message, otherSignature));
    }
  }

  @Test
  void aSignatureOfAnotherKeyFails() throws Exception {
    Es256KeyTable table = new Es256KeyTable((ECPublicKey) generate().getPublic());
    byte[] message = message(1);
    assertThat(table.verify(message, sign(generate().getPrivate(), message))).isFalse();
  }

  @Test
  void theHighSVariantIsAcceptedAsTheJdkAcceptsIt() throws Exception {
    KeyPair pair = generate();
    byte[] message = message(2);
    byte[] signature = sign(pair.getPrivate(), message);
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    byte[] flipped = concat(new BigInteger(1, Arrays.copyOfRange(signature, 0, 32)), N.subtract(s));
    assertThat(jdkVerify(pair.getPublic(), message, flipped)).isTrue();
    assertThat(new Es256KeyTable((ECPublicKey) pair.getPublic()).verify(message, flipped)).isTrue();
  }

  @Test
  void outOfRangeAndMisSizedSignaturesFail() throws Exception {
    KeyPair pair = generate();
    Es256KeyTable table = new Es256KeyTable((ECPublicKey) pair.getPublic());
    byte[] message = message(3);
    byte[] signature = sign(pair.getPrivate(), message);
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    assertThat(table.verify(message, concat(BigInteger.ZERO, s))).isFalse();
    assertThat(table.verify(message, concat(r, BigInteger.ZERO))).isFalse();
    BigInteger allOnes = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    assertThat(table.verify(message, concat(N, s))).isFalse();
    assertThat(table.verify(message, concat(N.add(BigInteger.ONE), s))).isFalse();
    assertThat(table.verify(message, concat(allOnes, s))).isFalse();
    assertThat(table.verify(message, concat(r, N))).isFalse();
    assertThat(table.verify(message, concat(r, allOnes))).isFalse();
    assertThat(table.verify(message, new byte[64])).isFalse();
    assertThat(table.verify(message, Arrays.copyOf(signature, 63))).isFalse();
    assertThat(table.verify(message, Arrays.copyOf(signature, 65))).isFalse();
    assertThat(table.verify(message, new byte[0])).isFalse();
  }

  @Test
  void agreesWithTheJdkOnKeysWhoseSumsDoubleOrCancel() throws Exception {
    // with Q = ±G, window 0 adds G·a and ±G·b: equal bytes make the sum double (Q = G) or vanish (Q = −G)
    for (BigInteger d : new BigInteger[] {BigInteger.ONE, N.subtract(BigInteger.ONE), BigInteger.TWO}) {
      PrivateKey privateKey = KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d, P256));
      PublicKey publicKey = publicKeyOf(d);
      Es256KeyTable table = new Es256KeyTable((ECPublicKey) publicKey);
      int specialCases = 0;
      for (int i = 0; i < 1500; i++) {
        byte[] message = message(i);
        byte[] signature = sign(privateKey, message);
        assertThat(table.verify(message, signature)).as("d=%s message %d", d, i).isTrue();
        byte[] forged = signature.clone();
        forged[63] ^= 1;
        assertThat(table.verify(message, forged)).isEqualTo(jdkVerify(publicKey, message, forged)).isFalse();
        if (lowBytesOfScalarsMatch(message, signature)) {
          specialCases++;
        }
      }
      assertThat(specialCases).as("signatures whose window 0 met the special case").isPositive();
    }
  }

  @Test
  void randomSignaturesAreRefusedAsTheJdkRefusesThem() throws Exception {
    KeyPair pair = generate();
    Es256KeyTable table = new Es256KeyTable((ECPublicKey) pair.getPublic());
    for (int i = 0; i < 300; i++) {
      byte[] signature = new byte[64];
      for (int j = 0; j < 64; j++) {
        signature[j] = (byte) random.nextInt(256);
      }
      byte[] message = message(i);
      assertThat(table.verify(message, signature)).isEqualTo(jdkVerify(pair.getPublic(), message, signature));
    }
  }

  @Test
  void onlyP256KeysGetATable() throws Exception {
    KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
    p384.initialize(new ECGenParameterSpec("secp384r1"));
    assertThatThrownBy(() -> new Es256KeyTable((ECPublicKey) p384.generateKeyPair().getPublic()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jose4jVerifiesWithTheTableAndStillRefusesTamperedTokens() throws Exception {
    KeyPair pair = generate();
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload("{\"sub\":\"someone\"}");
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    jws.setKey(pair.getPrivate());
    String token = jws.getCompactSerialization();
    Es256KeyTable table = new Es256KeyTable((ECPublicKey) pair.getPublic());

    assertThat(verifies(token, table)).isTrue();
    String[] parts = token.split("\\.");
    String tamperedPayload = parts[0] + "." + parts[1].replace('0', '1').replace('e', 'f') + "x." + parts[2];
    assertThat(verifies(tamperedPayload, table)).isFalse();
    assertThat(verifies(token, new Es256KeyTable((ECPublicKey) generate().getPublic()))).isFalse();
  }

  private static boolean verifies(String token, Es256KeyTable key) throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setCompactSerialization(token);
    jws.setKey(key);
    return jws.verifySignature();
  }

  /** Whether the least significant bytes of u1 and u2 are equal: the case the ±G keys are for. */
  private static boolean lowBytesOfScalarsMatch(byte[] message, byte[] signature) throws Exception {
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
    BigInteger w = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64)).modInverse(N);
    BigInteger e = new BigInteger(1, MessageDigest.getInstance("SHA-256").digest(message));
    return (e.multiply(w).mod(N).intValue() & 0xFF) == (r.multiply(w).mod(N).intValue() & 0xFF);
  }

  private byte[] message(int i) {
    return ("{\"alg\":\"ES256\"}." + i + "." + random.nextLong()).getBytes(StandardCharsets.US_ASCII);
  }

  private static KeyPair generate() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static byte[] sign(PrivateKey key, byte[] message) throws Exception {
    Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
    signature.initSign(key);
    signature.update(message);
    return signature.sign();
  }

  private static boolean jdkVerify(PublicKey key, byte[] message, byte[] signature) throws Exception {
    Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
    verifier.initVerify(key);
    verifier.update(message);
    return verifier.verify(signature);
  }

  private static PublicKey publicKeyOf(BigInteger d) throws Exception {
    ECPoint q = CustomNamedCurves.getByName("secp256r1").getG().multiply(d).normalize();
    java.security.spec.ECPoint w =
        new java.security.spec.ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
    return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, P256));
  }

  private static byte[] concat(BigInteger r, BigInteger s) {
    byte[] out = new byte[64];
    System.arraycopy(fixed(r), 0, out, 0, 32);
    System.arraycopy(fixed(s), 0, out, 32, 32);
    return out;
  }

  private static byte[] fixed(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] out = new byte[32];
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
    return out;
  }

  private static ECParameterSpec p256() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
