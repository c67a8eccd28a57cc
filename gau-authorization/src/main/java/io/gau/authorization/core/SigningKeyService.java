package io.gau.authorization.core;

import io.gau.authorization.db.SigningKeyDao;
import io.gau.authorization.db.SigningKeyRow;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ES256 signing keys, shared by all replicas through PostgreSQL. The newest key that has been
 * published for at least the activation delay signs; newer keys are already published (so every replica's
 * JWKS knows them before any token carries their kid); older keys stay published until no token they
 * signed can still be valid.
 */
public class SigningKeyService {
  private static final Logger LOG = LoggerFactory.getLogger(SigningKeyService.class);
  /** An unknown kid triggers at most one database reload per this period (no reload storm from junk tokens). */
  private static final Duration UNKNOWN_KID_RELOAD_GAP = Duration.ofSeconds(5);

  private final SigningKeyDao dao;
  private final SecretBox box;
  private final InstantSource clock;
  private final Duration activationDelay;
  private final Duration retireAfter;
  private final AtomicLong lastUnknownKidReload = new AtomicLong();
  private volatile KeySet keys;

  /** The signer and the verification keys at one moment. */
  public record KeySet(String signingKid, PrivateKey signingKey, Map<String, PublicKey> verifiers, String jwksJson) {}

  public SigningKeyService(
      SigningKeyDao dao, SecretBox box, InstantSource clock, Duration activationDelay, Duration retireAfter) {
    this.dao = dao;
    this.box = box;
    this.clock = clock;
    this.activationDelay = activationDelay;
    this.retireAfter = retireAfter;
  }

  /** Reads the keys from PostgreSQL, creating the first one on a fresh database. */
  public synchronized KeySet reload() {
    List<SigningKeyRow> rows = dao.all();
    if (rows.isEmpty()) {
      dao.insert(generate());
      rows = dao.all(); // another replica may have inserted its own first key at the same time: both are fine
    }
    KeySet next = build(rows, clock.instant());
    KeySet previous = keys;
    if (previous == null || !previous.verifiers().keySet().equals(next.verifiers().keySet())
        || !previous.signingKid().equals(next.signingKid())) {
      LOG.info("signing keys: signer {}, published {}", next.signingKid(), next.verifiers().keySet());
    }
    keys = next;
    return next;
  }

  /** Adds a new key; it is published at once and signs once the activation delay has passed. */
  public String rotate() {
    SigningKeyRow row = generate();
    dao.insert(row);
    reload();
    return row.kid();
  }

  public KeySet current() {
    KeySet set = keys;
    return set != null ? set : reload();
  }

  /** The public key for a kid; an unknown kid re-reads the database (rate-limited) in case another replica rotated. */
  public Optional<PublicKey> verificationKey(String kid) {
    if (kid == null) {
      return Optional.empty();
    }
    PublicKey key = current().verifiers().get(kid);
    if (key != null) {
      return Optional.of(key);
    }
    long now = clock.millis();
    long last = lastUnknownKidReload.get();
    if (now - last >= UNKNOWN_KID_RELOAD_GAP.toMillis() && lastUnknownKidReload.compareAndSet(last, now)) {
      return Optional.ofNullable(reload().verifiers().get(kid));
    }
    return Optional.empty();
  }

  public boolean trusts(String kid) {
    return current().verifiers().containsKey(kid);
  }

  private KeySet build(List<SigningKeyRow> newestFirst, Instant now) {
    int signer = newestFirst.size() - 1; // nothing activated yet (first start): the oldest key signs
    for (int i = 0; i < newestFirst.size(); i++) {
      if (!newestFirst.get(i).createdAt().plus(activationDelay).isAfter(now)) {
        signer = i;
        break;
      }
    }
    Map<String, PublicKey> verifiers = new LinkedHashMap<>();
    List<JsonWebKey> published = new ArrayList<>();
    for (int i = 0; i < newestFirst.size(); i++) {
      SigningKeyRow row = newestFirst.get(i);
      if (i > signer) {
        // this key stopped signing when its successor activated; it stays until its tokens have expired
        Instant stoppedSigning = newestFirst.get(i - 1).createdAt().plus(activationDelay);
        if (!stoppedSigning.plus(retireAfter).isAfter(now)) {
          continue;
        }
      }
      PublicJsonWebKey jwk = parsePublic(row.publicJwk());
      verifiers.put(row.kid(), EcdsaProvider.publicKey(jwk.getPublicKey()));
      published.add(jwk);
    }
    SigningKeyRow signing = newestFirst.get(signer);
    return new KeySet(
        signing.kid(),
        decryptPrivate(signing),
        Map.copyOf(verifiers),
        new JsonWebKeySet(published).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
  }

  private SigningKeyRow generate() {
    try {
      EllipticCurveJsonWebKey jwk = EcJwkGenerator.generateJwk(EllipticCurves.P256);
      jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
      jwk.setUse("sig");
      jwk.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
      byte[] privateJwk = jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE).getBytes(StandardCharsets.UTF_8);
      return new SigningKeyRow(
          jwk.getKeyId(),
          jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
          box.seal(privateJwk, purpose(jwk.getKeyId())),
          clock.instant());
    } catch (JoseException e) {
      throw new IllegalStateException("cannot generate an ES256 key", e);
    }
  }

  private PrivateKey decryptPrivate(SigningKeyRow row) {
    byte[] json = box.open(row.privateKeyCiphertext(), purpose(row.kid()));
    return EcdsaProvider.privateKey(parsePublic(new String(json, StandardCharsets.UTF_8)).getPrivateKey());
  }

  private static PublicJsonWebKey parsePublic(String json) {
    try {
      return PublicJsonWebKey.Factory.newPublicJwk(json);
    } catch (JoseException e) {
      throw new IllegalStateException("stored signing key is not a valid JWK", e);
    }
  }

  private static String purpose(String kid) {
    return "signing-key:" + kid;
  }
}
