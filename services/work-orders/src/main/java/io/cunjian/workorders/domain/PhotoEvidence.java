package io.cunjian.workorders.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for evidence photos (ADR 0008): what counts as an image (by its first bytes, never by
 * the name or the declared type), and what makes a photo suspicious — taken before the order was
 * started, or far from the order's position.
 */
public final class PhotoEvidence {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String HEIC = "image/heic";

    /** Flags raised against a photo. */
    public static final String TAKEN_BEFORE_START = "TAKEN_BEFORE_START";
    public static final String FAR_FROM_SITE = "FAR_FROM_SITE";
    public static final String NO_TIME = "NO_TIME";
    public static final String NO_POSITION = "NO_POSITION";

    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1");
    private static final double EARTH_RADIUS_M = 6_371_000;

    private PhotoEvidence() {
    }

    public record Position(BigDecimal latitude, BigDecimal longitude) {
    }

    /** The image type of {@code bytes} by its signature: JPEG, PNG or HEIC/HEIF; empty for anything else. */
    public static Optional<String> contentType(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8 && (bytes[2] & 0xff) == 0xFF) {
            return Optional.of(JPEG);
        }
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
        if (bytes.length >= png.length && java.util.Arrays.equals(bytes, 0, png.length, png, 0, png.length)) {
            return Optional.of(PNG);
        }
        // ISO base media file: a box size, "ftyp", then the major brand
        if (bytes.length >= 12 && new String(bytes, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")
                && HEIF_BRANDS.contains(new String(bytes, 8, 4, StandardCharsets.ISO_8859_1))) {
            return Optional.of(HEIC);
        }
        return Optional.empty();
    }

    /**
     * What is suspicious about a photo: taken (EXIF time) before the order was started, or farther than
     * {@code maxDistanceMetres} from the order's position; and what could not be checked (no time, no position).
     */
    public static List<String> flags(OffsetDateTime takenAt, OffsetDateTime startedAt, Position taken, Position site,
            double maxDistanceMetres) {
        List<String> flags = new ArrayList<>();
        if (takenAt == null) {
            flags.add(NO_TIME);
        } else if (startedAt != null && takenAt.isBefore(startedAt)) {
            flags.add(TAKEN_BEFORE_START);
        }
        if (taken == null) {
            flags.add(NO_POSITION);
        } else if (site != null && distanceMetres(taken, site) > maxDistanceMetres) {
            flags.add(FAR_FROM_SITE);
        }
        return flags;
    }

    /** Great-circle distance (haversine). */
    public static double distanceMetres(Position a, Position b) {
        double lat1 = Math.toRadians(a.latitude().doubleValue());
        double lat2 = Math.toRadians(b.latitude().doubleValue());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude().doubleValue() - a.longitude().doubleValue());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
