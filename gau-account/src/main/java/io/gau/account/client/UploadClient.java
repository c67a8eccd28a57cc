package io.gau.account.client;

import io.gau.account.core.AvatarStore;
import io.gau.shared.errors.ApiException;
import io.gau.shared.http.InternalCallers;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Calls gau-upload {@code PATCH /api/v2/upload/image} (multipart {@code file}, {@code file_path=avatar}). */
public class UploadClient implements AvatarStore {
  private final WebTarget image;
  private final String privateKey;
  private final String cdnUrl;

  public UploadClient(Client client, URI uploadUrl, String privateKey, String cdnUrl) {
    this.image = client.target(uploadUrl).path("api/v2/upload/image");
    this.privateKey = privateKey;
    this.cdnUrl = cdnUrl.replaceAll("/+$", "");
  }

  @Override
  public String store(byte[] content, String filename, String contentType) {
    String boundary = "gau-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file_path\"\r\n\r\navatar\r\n");
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + safeName(filename) + "\"\r\nContent-Type: " + safeType(contentType) + "\r\n\r\n");
    body.writeBytes(content);
    write(body, "\r\n--" + boundary + "--\r\n");
    Response response;
    try {
      response = image.request(MediaType.APPLICATION_JSON_TYPE)
          .header(InternalCallers.HEADER, privateKey)
          .method("PATCH", Entity.entity(body.toByteArray(), "multipart/form-data; boundary=" + boundary));
    } catch (ProcessingException e) {
      throw ApiException.unavailable("upload_unavailable", "Upload service is unavailable", 2, e);
    }
    try (response) {
      int status = response.getStatus();
      Map<String, Object> answer = readMap(response);
      if (status == 200 || status == 201) {
        Object url = answer.get("url");
        if (url instanceof String s && !s.isBlank()) {
          return s;
        }
        Object path = answer.get("file_path");
        if (path instanceof String p && !p.isBlank()) {
          return cdnUrl + "/images/" + p.replaceAll("^/+", "");
        }
        throw ApiException.unavailable("upload_failed", "Upload service answered without a URL", 2, null);
      }
      if (status == 413) {
        throw ApiException.payloadTooLarge("file_too_large", "file is too large");
      }
      if (status == 415 || status == 400 || status == 422) {
        Object message = answer.get("error");
        throw ApiException.badRequest("invalid_image",
            "file is not an accepted image" + (message instanceof String m ? ": " + m : ""));
      }
      throw ApiException.unavailable("upload_failed", "Upload service failed (HTTP " + status + ")", 2, null);
    }
  }

  private static Map<String, Object> readMap(Response response) {
    try {
      Map<String, Object> map = response.readEntity(new GenericType<Map<String, Object>>() {});
      return map == null ? Map.of() : map;
    } catch (RuntimeException e) {
      return Map.of();
    }
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String safeName(String filename) {
    String name = filename == null ? "avatar" : filename.replaceAll("[^A-Za-z0-9._-]", "_");
    return name.isEmpty() ? "avatar" : name.substring(0, Math.min(100, name.length()));
  }

  private static String safeType(String contentType) {
    return contentType != null && contentType.matches("[a-z]+/[a-z0-9.+-]+") ? contentType : "application/octet-stream";
  }
}
