package io.gau.upload.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import io.gau.upload.api.FileDeleteResponse;
import io.gau.upload.api.FileListResponse;
import io.gau.upload.api.FileUploadResponse;
import io.gau.upload.core.FileService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.Map;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataParam;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** The reference's generic file API (§4): upload, download, delete and list on allow-listed buckets. */
@Path("/api/v2/upload")
@Produces(MediaType.APPLICATION_JSON)
public class FileResource {
  private final FileService files;

  public FileResource(FileService files) {
    this.files = files;
  }

  @POST
  @Path("/file")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Timed
  @ExceptionMetered
  public FileUploadResponse upload(
      @FormDataParam("file") InputStream file,
      @FormDataParam("file") FormDataBodyPart part,
      @FormDataParam("bucket") String bucket,
      @FormDataParam("path") String path,
      @FormDataParam("is_hash") String isHash) {
    String originalName = part == null ? null : part.getContentDisposition().getFileName();
    String declaredType = part == null || part.getMediaType() == null ? null : part.getMediaType().toString();
    boolean hashName = isHash == null || !(isHash.strip().equalsIgnoreCase("false") || isHash.strip().equals("0"));
    return files.upload(file, originalName, declaredType, bucket, path, hashName);
  }

  @GET
  @Path("/file")
  @Produces(MediaType.WILDCARD)
  @Timed
  @ExceptionMetered
  public Response download(@QueryParam("bucket") String bucket, @QueryParam("file_path") String filePath) {
    ResponseInputStream<GetObjectResponse> object = files.open(bucket, filePath);
    GetObjectResponse meta = object.response();
    StreamingOutput body =
        out -> {
          try (object) {
            object.transferTo(out);
          }
        };
    String type = meta.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : meta.contentType();
    return Response.ok(body, type)
        .header(HttpHeaders.CONTENT_LENGTH, meta.contentLength())
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  @DELETE
  @Path("/file")
  @Timed
  @ExceptionMetered
  public FileDeleteResponse delete(@QueryParam("bucket") String bucket, @QueryParam("file_path") String filePath) {
    return files.delete(bucket, filePath);
  }

  @GET
  @Path("/files/list")
  @Timed
  @ExceptionMetered
  public FileListResponse list(
      @QueryParam("bucket") String bucket,
      @QueryParam("prefix") String prefix,
      @QueryParam("continuation_token") String continuationToken,
      @QueryParam("limit") Integer limit) {
    return files.list(bucket, prefix, continuationToken, limit);
  }

  /** The reference's health route (behind Private-Key); readiness proper is on the admin port. */
  @GET
  @Path("/health")
  @Timed
  @ExceptionMetered
  public Map<String, Integer> health() {
    return Map.of("status", 200);
  }
}
