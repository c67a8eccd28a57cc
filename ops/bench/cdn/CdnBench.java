import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Helper of ops/bench/cdn/run.sh (run with the shaded gau-upload jar on the class path).
 *   prepare <dir>  upload a ~20 KB and a ~200 KB PNG, save the CDN's bytes under <dir>/images/<key>, print the keys
 *   measure <n>    upload throughput vs raw S3 PutObject of the same bytes; CDN miss vs hit latency
 */
public class CdnBench {
  static final String UPLOAD = System.getenv().getOrDefault("UPLOAD_URL", "http://127.0.0.1:8083");
  static final String CDN = System.getenv().getOrDefault("CDN_URL", "http://127.0.0.1:8082");
  static final String KEY = System.getenv().getOrDefault("PRIVATE_KEY", "gau-local-dev-private-key-change-me-0123456789");
  static final HttpClient HTTP = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    if (args[0].equals("prepare")) {
      Path dir = Path.of(args[1]);
      for (int side : new int[] {82, 260}) {
        String key = upload(png(side, side, side));
        byte[] served = HTTP.send(HttpRequest.newBuilder(URI.create(CDN + "/images/" + key)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        Path file = dir.resolve("images").resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, served);
        System.out.println(key + " " + served.length);
      }
      return;
    }
    int n = Integer.parseInt(args[1]);
    List<byte[]> images = new ArrayList<>();
    Random seeds = new Random();
    for (int i = 0; i < n; i++) {
      images.add(png(260, 260, seeds.nextLong()));
    }
    try (S3Client s3 = S3Client.builder()
        .endpointOverride(URI.create(System.getenv().getOrDefault("S3_ENDPOINT", "http://127.0.0.1:19000")))
        .region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("gau-local", "gau-local-secret-key")))
        .httpClient(UrlConnectionHttpClient.create()).build()) {
      String prefix = "bench-raw-" + UUID.randomUUID();
      s3.putObject(b -> b.bucket("images").key(prefix + "/warm"), RequestBody.fromBytes(images.get(0)));
      upload(png(16, 16, 1)); // warm the upload path too
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        int j = i;
        s3.putObject(b -> b.bucket("images").key(prefix + "/" + j + ".png").contentType("image/png"), RequestBody.fromBytes(images.get(j)));
      }
      double rawSeconds = (System.nanoTime() - t0) / 1e9;
      List<String> keys = new ArrayList<>();
      long t1 = System.nanoTime();
      for (byte[] image : images) {
        keys.add(upload(image));
      }
      double uploadSeconds = (System.nanoTime() - t1) / 1e9;
      long bytes = images.stream().mapToLong(b -> b.length).sum();
      System.out.printf("upload: %d images of ~%d KB: gau-upload %.1f/s (%.1f MB/s), raw S3 PutObject %.1f/s -> ratio %.2f%n",
          n, bytes / n / 1024, n / uploadSeconds, bytes / uploadSeconds / 1e6, n / rawSeconds, rawSeconds / uploadSeconds);
      double[] miss = new double[n];
      double[] hit = new double[n];
      for (int i = 0; i < n; i++) {
        miss[i] = timeGet(keys.get(i));
        hit[i] = timeGet(keys.get(i));
      }
      Arrays.sort(miss);
      Arrays.sort(hit);
      System.out.printf("cdn latency (%d keys, ~%d KB, client-side): origin miss p50 %.2f ms p95 %.2f ms; L1 hit p50 %.2f ms p95 %.2f ms%n",
          n, bytes / n / 1024, miss[n / 2], miss[n * 95 / 100], hit[n / 2], hit[n * 95 / 100]);
    }
  }

  static double timeGet(String key) throws Exception {
    long t = System.nanoTime();
    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(CDN + "/images/" + key)).build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + key + " -> " + r.statusCode());
    }
    return (System.nanoTime() - t) / 1e6;
  }

  static String upload(byte[] png) throws Exception {
    String boundary = "bench" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file_path\"\r\n\r\nbench\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(png);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(UPLOAD + "/api/v2/upload/image"))
        .header("Private-Key", KEY).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"file_path\":\"([^\"]+)\"").matcher(r.body());
    if (r.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("upload -> " + r.statusCode() + " " + r.body());
    }
    return m.group(1);
  }

  static byte[] png(int w, int h, long seed) throws Exception {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, random.nextInt(0xffffff));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
