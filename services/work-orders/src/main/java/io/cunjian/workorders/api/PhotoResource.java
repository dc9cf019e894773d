package io.cunjian.workorders.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.idempotency.Idempotent;
import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.chassis.problem.ProblemException;
import io.cunjian.chassis.problem.ProblemType;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.workorders.domain.Photo;
import io.cunjian.workorders.domain.PhotoConfig;
import io.cunjian.workorders.domain.PhotoEvidence;
import io.cunjian.workorders.domain.PhotoService;

/**
 * Evidence photos of a work order (ADR 0008): uploaded by the assigned contractor while the work is
 * in progress — JPEG, PNG or HEIC recognised by content, at most {@link PhotoConfig#maxBytes()} —
 * and read back by whoever may see the order. EXIF time and position are read where present and the
 * photo is flagged when taken before the order was started or far from its position.
 */
@Path("/api/v1/work-orders/{id}/photos")
@Tag(name = "Work orders")
public class PhotoResource {

    public record PhotoView(UUID id, UUID orderId, @Size(max = 32) String contentType,
            @Min(1) @Max(Integer.MAX_VALUE) int sizeBytes, @Size(max = 64) String sha256, @Size(max = 255) String fileName,
            @Size(max = Bounds.ACTOR) String uploadedBy, OffsetDateTime uploadedAt,
            @Schema(description = "EXIF time the photo was taken; null when the photo carries none") OffsetDateTime takenAt,
            @Schema(description = "EXIF GPS latitude; null when none") BigDecimal latitude,
            @Schema(description = "EXIF GPS longitude; null when none") BigDecimal longitude,
            @Schema(description = "TAKEN_BEFORE_START, FAR_FROM_SITE, and NO_TIME / NO_POSITION when they could not be checked")
            @Size(max = 4) List<@Size(max = 32) String> flags) {
        static PhotoView of(Photo p) {
            return new PhotoView(p.id(), p.orderId(), p.contentType(), p.sizeBytes(), p.sha256(), p.fileName(),
                    p.uploadedBy(), ChinaTimes.shown(p.uploadedAt()), ChinaTimes.shown(p.takenAt()), p.latitude(),
                    p.longitude(), p.flags());
        }
    }

    @Inject
    CurrentCaller caller;
    @Inject
    PhotoService photos;
    @Inject
    PhotoConfig config;

    @POST
    @Idempotent
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "stored; its id goes into the completion's photoIds")
    public Response uploadPhoto(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id,
            @RestForm("file") @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary") FileUpload file) {
        UUID orderId = WorkOrderIds.parse(id);
        if (file == null) {
            throw new InvalidInputProblem("file", "problem.photo.missing");
        }
        long maxBytes = config.maxBytes();
        if (file.size() > maxBytes) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "problem.photo.too-large", maxBytes / (1024 * 1024));
        }
        byte[] image;
        try {
            image = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new IllegalStateException("upload unreadable", e);
        }
        if (image.length == 0) {
            throw new InvalidInputProblem("file", "problem.photo.missing");
        }
        String contentType = PhotoEvidence.contentType(image)
                .orElseThrow(() -> new InvalidInputProblem("file", "problem.photo.not-an-image"));
        ExifReader.Exif exif = ExifReader.read(image);
        if (exif.pixels() > config.maxPixels()) {
            // Refused from the header, before anything (a thumbnail, a viewer) could try to decode it.
            throw new InvalidInputProblem("file", "problem.photo.too-many-pixels");
        }
        String fileName = file.fileName() == null ? null : file.fileName().length() > 255 ? file.fileName().substring(0, 255) : file.fileName();
        Photo p = photos.upload(orderId,
                new PhotoService.Upload(image, contentType, fileName, exif.takenAt(), exif.position()), caller.get());
        return Response.created(URI.create("/api/v1/work-orders/" + orderId + "/photos/" + p.id())).entity(PhotoView.of(p))
                .type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<PhotoView> listPhotos(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id) {
        return photos.ofOrder(WorkOrderIds.parse(id), caller.get()).stream().map(PhotoView::of).toList();
    }

    @GET
    @Path("/{photoId}")
    @Produces({ "image/jpeg", "image/png", "image/heic" })
    @APIResponse(responseCode = "200", description = "the image as uploaded",
            content = @Content(mediaType = "image/*", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Response getPhoto(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id,
            @PathParam("photoId") @Size(max = Bounds.UUID_TEXT) String photoId) {
        Photo.Image image = photos.image(WorkOrderIds.parse(id), photoId, caller.get());
        return Response.ok(image.data()).type(image.contentType()).header("Cache-Control", "private, max-age=86400")
                .header("ETag", "\"" + image.sha256() + "\"").build();
    }
}
