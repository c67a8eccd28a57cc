package io.gau.upload.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import io.gau.upload.api.ImageUploadResponse;
import io.gau.upload.core.ImageUploadService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.glassfish.jersey.media.multipart.FormDataParam;

/** {@code PATCH /api/v2/upload/image}: validated, metadata-free, content-addressed images (avatars). */
@Path("/api/v2/upload")
@Produces(MediaType.APPLICATION_JSON)
public class ImageResource {
  private final ImageUploadService images;

  public ImageResource(ImageUploadService images) {
    this.images = images;
  }

  @PATCH
  @Path("/image")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Timed
  @ExceptionMetered
  public ImageUploadResponse upload(@FormDataParam("file") InputStream file, @FormDataParam("file_path") String filePath) {
    return images.upload(file, filePath);
  }
}
