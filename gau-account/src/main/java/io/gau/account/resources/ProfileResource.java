package io.gau.account.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.gau.account.api.AvatarResponse;
import io.gau.account.api.ProfileResponse;
import io.gau.account.api.UpdateProfileRequest;
import io.gau.account.api.UserInfo;
import io.gau.account.auth.AccountPrincipal;
import io.gau.account.core.AccountService;
import io.gau.account.core.AvatarService;
import io.gau.account.db.MfaRow;
import io.gau.account.db.UserRow;
import io.gau.shared.errors.ApiException;
import io.gau.shared.http.RequestSizeLimits;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;

/** The signed-in user's profile (A5–A12) and avatar (A13). */
@Path("/api/v2/account/profile")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {
  private final AccountService accounts;
  private final AvatarService avatars;

  public ProfileResource(AccountService accounts, AvatarService avatars) {
    this.accounts = accounts;
    this.avatars = avatars;
  }

  @GET
  @Path("basic")
  @Timed
  @ExceptionMetered
  public ProfileResponse basic(@Auth AccountPrincipal user) {
    return new ProfileResponse(null, basicInfo(accounts.user(user.userId())), 200);
  }

  /** A11: the legacy path of A5. */
  @GET
  @Timed
  @ExceptionMetered
  public ProfileResponse legacy(@Auth AccountPrincipal user) {
    return basic(user);
  }

  @GET
  @Path("security")
  @Timed
  @ExceptionMetered
  public ProfileResponse security(@Auth AccountPrincipal user) {
    return new ProfileResponse(null, securityInfo(accounts.user(user.userId()), accounts.mfa(user.userId()), false), 200);
  }

  @GET
  @Path("complete")
  @Timed
  @ExceptionMetered
  public ProfileResponse complete(@Auth AccountPrincipal user) {
    return new ProfileResponse(null, securityInfo(accounts.user(user.userId()), accounts.mfa(user.userId()), true), 200);
  }

  @PUT
  @Path("basic")
  @Consumes(MediaType.APPLICATION_JSON)
  @Timed
  @ExceptionMetered
  public ProfileResponse updateBasic(@Auth AccountPrincipal user, UpdateProfileRequest request) {
    UserRow row = accounts.update(user.userId(), request, AccountService.Fields.BASIC);
    return new ProfileResponse("Basic user information updated successfully", basicInfo(row), 200);
  }

  @PUT
  @Path("security")
  @Consumes(MediaType.APPLICATION_JSON)
  @Timed
  @ExceptionMetered
  public ProfileResponse updateSecurity(@Auth AccountPrincipal user, UpdateProfileRequest request) {
    UserRow row = accounts.update(user.userId(), request, AccountService.Fields.SECURITY);
    return new ProfileResponse("Security information updated successfully",
        securityInfo(row, accounts.mfa(user.userId()), false), 200);
  }

  @PUT
  @Path("complete")
  @Consumes(MediaType.APPLICATION_JSON)
  @Timed
  @ExceptionMetered
  public ProfileResponse updateComplete(@Auth AccountPrincipal user, UpdateProfileRequest request) {
    return completeUpdate(user, request, "Complete user information updated successfully");
  }

  /** A12: the legacy update (same fields as complete). */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Timed
  @ExceptionMetered
  public ProfileResponse updateLegacy(@Auth AccountPrincipal user, UpdateProfileRequest request) {
    return completeUpdate(user, request, "User information updated successfully");
  }

  private ProfileResponse completeUpdate(AccountPrincipal user, UpdateProfileRequest request, String message) {
    UserRow row = accounts.update(user.userId(), request, AccountService.Fields.COMPLETE);
    return new ProfileResponse(message, securityInfo(row, accounts.mfa(user.userId()), true), 200);
  }

  @PATCH
  @Path("avatar")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RequestSizeLimits.Upload
  @Timed
  @ExceptionMetered
  public AvatarResponse avatar(@Auth AccountPrincipal user, FormDataMultiPart form) {
    FormDataBodyPart file = form == null ? null : form.getField("file");
    if (file == null) {
      throw ApiException.badRequest("file_required", "file is required (multipart field 'file')");
    }
    byte[] content;
    try (InputStream in = file.getValueAs(InputStream.class)) {
      content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, avatars.maxBytes() + 1));
    } catch (IOException e) {
      throw ApiException.badRequest("invalid_form", "Invalid form data");
    }
    String filename = file.getContentDisposition() == null ? null : file.getContentDisposition().getFileName();
    String type = file.getMediaType() == null ? null : file.getMediaType().getType() + "/" + file.getMediaType().getSubtype();
    String url = avatars.update(user.userId(), content, filename, type);
    return new AvatarResponse("Avatar image updated successfully", url, 200);
  }

  static UserInfo basicInfo(UserRow u) {
    return new UserInfo(u.userId(), u.fullname(), u.email(), u.phone(),
        u.dateOfBirth() == null ? null : u.dateOfBirth() + "T00:00:00Z", u.avatarUrl(), u.githubUrl(),
        u.facebookUrl(), u.username(), u.gender(), u.permission(), u.createdAt(),
        null, null, null, null, null);
  }

  static UserInfo securityInfo(UserRow u, Optional<MfaRow> mfa, boolean withBasic) {
    List<UserInfo.Verification> verifications = new ArrayList<>();
    if (u.email() != null) {
      verifications.add(new UserInfo.Verification("email", u.email(), u.emailVerified(), u.emailVerifiedAt()));
    }
    if (u.pendingEmail() != null) {
      verifications.add(new UserInfo.Verification("email", u.pendingEmail(), false, null));
    }
    if (u.phone() != null) {
      verifications.add(new UserInfo.Verification("phone", u.phone(), u.phoneVerified(), null));
    }
    List<UserInfo.Mfa> mfas = mfa.map(m -> List.of(new UserInfo.Mfa("totp", m.enabled(), m.enabledAt()))).orElse(null);
    UserInfo b = withBasic ? basicInfo(u) : null;
    return new UserInfo(u.userId(),
        b == null ? null : b.fullname(), b == null ? null : b.email(), b == null ? null : b.phone(),
        b == null ? null : b.dateOfBirth(), b == null ? null : b.avatarUrl(), b == null ? null : b.githubUrl(),
        b == null ? null : b.facebookUrl(), b == null ? null : b.username(), b == null ? null : b.gender(),
        b == null ? null : b.permission(), b == null ? null : b.createdAt(),
        u.emailVerified(), u.phoneVerified(), u.pendingEmail(),
        verifications.isEmpty() ? null : verifications, mfas);
  }
}
