package io.gau.authorization.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.EcdsaUsingShaAlgorithm;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;

/** ES256 through vetted providers only, checked against RFC 7515's known answer and against each other. */
class EcdsaProviderTest {
  // RFC 7515, appendix A.3: the ES256 example key and its JWS Compact Serialization
  static final String A3_JWK = "{\"kty\":\"EC\",\"crv\":\"P-256\","
      + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
      + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\","
      + "\"d\":\"jpsQnnGQmL-YBIffH1136cLSTC1I0Kvr1ZaJovhr3xE\"}";
  static final String A3_JWS = "eyJhbGciOiJFUzI1NiJ9"
      + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
      + ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";

  static List<String> providers() {
    EcdsaProvider.name(); // registers both
    List<String> names = new ArrayList<>();
    EcdsaProvider.nativeProvider().ifPresent(names::add);
    names.add(BouncyCastleProvider.PROVIDER_NAME);
    return names;
  }

  static boolean verify(String compact, java.security.PublicKey key, String provider) throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmConstraints(new org.jose4j.jwa.AlgorithmConstraints(
        org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256));
    jws.setCompactSerialization(compact);
    jws.setKey(EcdsaProvider.publicKey(key, provider));
    jws.setProviderContext(EcdsaProvider.verifying(provider));
    return jws.verifySignature();
  }

  @Test
  void theRfc7515KnownAnswerVerifiesWithEveryProviderAndATamperedOneDoesNot() throws Exception {
    PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(A3_JWK);
    // the signature's last byte with its low bit flipped (the last base64 character also carries padding bits)
    String[] parts = A3_JWS.split("\\.");
    byte[] signature = java.util.Base64.getUrlDecoder().decode(parts[2]);
    signature[63] ^= 1;
    String tampered = parts[0] + "." + parts[1] + "."
        + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    String otherPayload = A3_JWS.replace(".eyJpc3MiOiJqb2UiLA0K", ".eyJpc3MiOiJqb2XiLA0K");
    for (String provider : providers()) {
      assertThat(verify(A3_JWS, jwk.getPublicKey(), provider)).as(provider).isTrue();
      assertThat(verify(tampered, jwk.getPublicKey(), provider)).as(provider + " tampered").isFalse();
      assertThat(verify(otherPayload, jwk.getPublicKey(), provider)).as(provider + " other payload").isFalse();
    }
  }

  @Test
  void whatOneProviderSignsTheOthersAndTheJdkVerify() throws Exception {
    EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
    for (String signer : providers()) {
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload("{\"sub\":\"" + signer + "\"}");
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
      jws.setKey(EcdsaProvider.privateKey(key.getPrivateKey(), signer));
      jws.setProviderContext(EcdsaProvider.signing(signer));
      String compact = jws.getCompactSerialization();
      for (String verifier : providers()) {
        assertThat(verify(compact, key.getPublicKey(), verifier)).as(signer + " -> " + verifier).isTrue();
      }
      assertThat(verify(compact, key.getPublicKey(), "SunEC")).as(signer + " -> the JDK").isTrue();
    }
  }

  @Test
  void nothingIsSwappedForTheRestOfTheJvm() throws Exception {
    EcdsaProvider.name();
    // appended, never first: the JDK's providers stay everyone else's defaults
    assertThat(Security.getProviders()[0].getName()).isEqualTo("SUN");
    // jose4j's own ES256 implementation, not a replacement registered behind its back
    assertThat(AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory()
        .getAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256).getClass())
        .isEqualTo(EcdsaUsingShaAlgorithm.EcdsaP256UsingSha256.class);
  }

  @Test
  void theNativeProviderServesOnLinuxX8664() {
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    assumeThat(System.getProperty("os.name")).startsWithIgnoringCase("linux");
    assumeThat(arch.equals("amd64") || arch.equals("x86_64")).isTrue();
    assertThat(EcdsaProvider.nativeProvider()).contains("AmazonCorrettoCryptoProvider");
  }
}
