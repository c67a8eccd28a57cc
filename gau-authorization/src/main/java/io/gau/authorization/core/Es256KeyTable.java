package io.gau.authorization.core;

import io.gau.shared.crypto.Sha256;
import java.math.BigInteger;
import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;
import org.bouncycastle.util.BigIntegers;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.EcdsaUsingShaAlgorithm;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * An ES256 (ECDSA P-256 / SHA-256) public key with a table of precomputed multiples, for verifying many
 * signatures of the same key fast.
 *
 * <p>ECDSA verification computes {@code u1·G + u2·Q}. A general verifier does ~256 point doublings plus ~85
 * additions for that; because G and our few signing keys Q are fixed, both products are instead summed from
 * tables of every byte-sized multiple at every byte position ({@code j · 2^(8i) · P}), which makes a
 * verification 64 mixed (Jacobian + affine) point additions and no doublings. The tables are flat
 * {@code int[]}s (one point = 64 bytes, 510 KiB per key; built in ~25 ms per key, ~0.3 s for the first on a
 * cold JVM, which also builds the generator's) because a distinct token reads 64 random entries, and
 * object-per-point tables spent as much time in cache misses as in arithmetic.
 * Verification handles only public values, so it needs no constant-time code. The field arithmetic is Bouncy
 * Castle's ({@link SecP256R1Field}); the rare sums that meet the same point or its negation (possible only
 * with crafted signatures or keys) are finished by Bouncy Castle's general point arithmetic instead. Both
 * paths are checked against the JDK's independent ECDSA in {@code Es256KeyTableTest}.
 *
 * <p>jose4j picks its algorithm implementations from a JVM-wide registry, so loading this class replaces
 * jose4j's ES256 with {@link Es256Algorithm}: the same checks, and the table's arithmetic for keys that are
 * an {@code Es256KeyTable}; any other key is verified exactly as before.
 */
public final class Es256KeyTable implements ECPublicKey {
  private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
  private static final ECCurve CURVE = P256.getCurve();
  private static final BigInteger N = P256.getN();
  private static final int WINDOWS = 32;
  private static final int MULTIPLES = 255;
  /** x then y, 8 little-endian 32-bit words each, as {@link SecP256R1Field} takes them. */
  private static final int POINT_INTS = 16;
  private static final int SIGNATURE_BYTES = 64;
  /** The generator's table, shared by every key. */
  private static final int[] G_TABLE = table(P256.getG());

  static {
    AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory().registerAlgorithm(new Es256Algorithm());
  }

  private final ECPublicKey key;
  private final org.bouncycastle.math.ec.ECPoint q;
  private final int[] table;

  /** Builds the table of a P-256 public key; any other key is refused. */
  public Es256KeyTable(ECPublicKey key) {
    if (!EllipticCurves.P_256.equals(EllipticCurves.getName(key.getParams().getCurve()))) {
      throw new IllegalArgumentException("not a P-256 key");
    }
    // refuses a point off the curve; P-256's cofactor is 1, so every point on it is in the signing group
    ECPoint w = key.getW();
    this.q = CURVE.validatePoint(w.getAffineX(), w.getAffineY());
    this.table = table(q);
    this.key = key;
  }

  /**
   * Whether {@code signature} (JWS form: the 32-byte r and s concatenated) is this key's ES256 signature of
   * {@code signedContent}.
   */
  public boolean verify(byte[] signedContent, byte[] signature) {
    if (signature.length != SIGNATURE_BYTES) {
      return false;
    }
    BigInteger r = BigIntegers.fromUnsignedByteArray(signature, 0, 32);
    BigInteger s = BigIntegers.fromUnsignedByteArray(signature, 32, 32);
    if (r.signum() == 0 || r.compareTo(N) >= 0 || s.signum() == 0 || s.compareTo(N) >= 0) {
      return false;
    }
    BigInteger e = new BigInteger(1, Sha256.of(signedContent)); // 256-bit hash: no truncation for P-256
    BigInteger sInverse = BigIntegers.modOddInverseVar(N, s);
    BigInteger u1 = e.multiply(sInverse).mod(N);
    BigInteger u2 = r.multiply(sInverse).mod(N);
    int[] x = new Sum().add(G_TABLE, BigIntegers.asUnsignedByteArray(32, u1))
        .add(table, BigIntegers.asUnsignedByteArray(32, u2))
        .affineX();
    if (x == null) { // a degenerate sum: let Bouncy Castle's general arithmetic finish it
      org.bouncycastle.math.ec.ECPoint point = ECAlgorithms.sumOfTwoMultiplies(P256.getG(), u1, q, u2).normalize();
      return !point.isInfinity() && point.getAffineXCoord().toBigInteger().mod(N).equals(r);
    }
    return Nat256.toBigInteger(x).mod(N).equals(r);
  }

  /** A running sum of table entries in Jacobian coordinates (x = X/Z², y = Y/Z³). */
  private static final class Sum {
    private final int[] x = new int[8];
    private final int[] y = new int[8];
    private final int[] z = new int[8];
    private final int[] t1 = new int[8];
    private final int[] t2 = new int[8];
    private final int[] h = new int[8];
    private final int[] r = new int[8];
    private final int[] tt = Nat256.createExt();
    private boolean empty = true;
    private boolean degenerate;

    /** Adds {@code table[i][scalar byte i]} for every byte of the big-endian scalar. */
    Sum add(int[] table, byte[] scalar) {
      for (int i = 0; i < WINDOWS && !degenerate; i++) {
        int multiple = scalar[31 - i] & 0xFF; // byte 31 is the least significant: window 0
        if (multiple != 0) {
          addAffine(table, (i * MULTIPLES + multiple - 1) * POINT_INTS);
        }
      }
      return this;
    }

    /** Mixed addition (Jacobian + affine, 8M + 3S); marks the sum degenerate if the points are equal or opposite. */
    private void addAffine(int[] table, int at) {
      if (empty) {
        System.arraycopy(table, at, x, 0, 8);
        System.arraycopy(table, at + 8, y, 0, 8);
        z[0] = 1;
        empty = false;
        return;
      }
      System.arraycopy(table, at, t1, 0, 8); // x2
      System.arraycopy(table, at + 8, t2, 0, 8); // y2
      SecP256R1Field.square(z, h, tt); // Z1²
      SecP256R1Field.multiply(t1, h, t1, tt); // U2 = x2·Z1²
      SecP256R1Field.multiply(h, z, h, tt); // Z1³
      SecP256R1Field.multiply(t2, h, t2, tt); // S2 = y2·Z1³
      SecP256R1Field.subtract(t1, x, h); // H = U2 − X1
      SecP256R1Field.subtract(t2, y, r); // R = S2 − Y1
      if (Nat256.isZero(h)) {
        degenerate = true; // R = 0: the same point (a doubling); otherwise opposite points (infinity)
        return;
      }
      SecP256R1Field.multiply(z, h, z, tt); // Z3 = Z1·H
      SecP256R1Field.square(h, t1, tt); // H²
      SecP256R1Field.multiply(t1, x, t2, tt); // V = X1·H²
      SecP256R1Field.multiply(t1, h, h, tt); // H³
      SecP256R1Field.multiply(y, h, y, tt); // Y1·H³
      SecP256R1Field.square(r, x, tt); // R²
      SecP256R1Field.subtract(x, h, x); // R² − H³
      SecP256R1Field.twice(t2, t1); // 2V
      SecP256R1Field.subtract(x, t1, x); // X3 = R² − H³ − 2V
      SecP256R1Field.subtract(t2, x, t1); // V − X3
      SecP256R1Field.multiply(t1, r, t1, tt); // R·(V − X3)
      SecP256R1Field.subtract(t1, y, y); // Y3 = R·(V − X3) − Y1·H³
    }

    /** The affine x of the sum; null if the sum was degenerate or is empty (left to the general arithmetic). */
    int[] affineX() {
      if (degenerate || empty) {
        return null;
      }
      SecP256R1Field.inv(z, t1);
      SecP256R1Field.square(t1, t1, tt);
      SecP256R1Field.multiply(x, t1, t1, tt);
      return t1;
    }
  }

  /** {@code j · 2^(8i) · p} for j in 1..255 at index {@code (i · 255 + j − 1) · 16}, affine x then y. */
  private static int[] table(org.bouncycastle.math.ec.ECPoint p) {
    org.bouncycastle.math.ec.ECPoint[] points = new org.bouncycastle.math.ec.ECPoint[WINDOWS * MULTIPLES];
    org.bouncycastle.math.ec.ECPoint base = p.normalize();
    for (int i = 0; i < WINDOWS; i++) {
      org.bouncycastle.math.ec.ECPoint multiple = base;
      for (int j = 1; j <= MULTIPLES; j++) {
        points[i * MULTIPLES + j - 1] = multiple;
        multiple = multiple.add(base);
      }
      base = multiple.normalize(); // 256 · base = 2^(8(i+1)) · p
    }
    CURVE.normalizeAll(points); // one shared inversion for all
    int[] table = new int[points.length * POINT_INTS];
    for (int k = 0; k < points.length; k++) {
      Nat256.copy(Nat256.fromBigInteger(points[k].getAffineXCoord().toBigInteger()), 0, table, k * POINT_INTS);
      Nat256.copy(Nat256.fromBigInteger(points[k].getAffineYCoord().toBigInteger()), 0, table, k * POINT_INTS + 8);
    }
    return table;
  }

  @Override
  public ECPoint getW() {
    return key.getW();
  }

  @Override
  public ECParameterSpec getParams() {
    return key.getParams();
  }

  @Override
  public String getAlgorithm() {
    return key.getAlgorithm();
  }

  @Override
  public String getFormat() {
    return key.getFormat();
  }

  @Override
  public byte[] getEncoded() {
    return key.getEncoded();
  }


  /** jose4j's ES256, verifying with the key's table when the key is an {@link Es256KeyTable}. */
  static final class Es256Algorithm extends EcdsaUsingShaAlgorithm {
    Es256Algorithm() {
      super(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, "SHA256withECDSA", EllipticCurves.P_256,
          SIGNATURE_BYTES);
    }

    @Override
    public boolean verifySignature(byte[] signature, Key key, byte[] signedContent, ProviderContext context)
        throws JoseException {
      if (key instanceof Es256KeyTable table) {
        return table.verify(signedContent, signature);
      }
      return super.verifySignature(signature, key, signedContent, context);
    }
  }
}
