package io.cunjian.workorders.api;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.TimeZone;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.heif.HeifDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;

import io.cunjian.chassis.domain.ChinaTime;
import io.cunjian.workorders.domain.PhotoEvidence;

/**
 * Reads the time a photo was taken and where, from its EXIF data (metadata-extractor), and the width and
 * height its header declares (JPEG SOF, PNG IHDR, HEIF ispe) — from the header alone: the pixels are never
 * decoded, so a small file declaring a huge image costs nothing to refuse. EXIF times carry no zone unless the
 * camera wrote an offset: they are read as China time. A photo without readable metadata simply has neither.
 */
final class ExifReader {

    static final TimeZone CHINA = TimeZone.getTimeZone(ChinaTime.ZONE);

    /** {@code pixels} is the declared width × height, 0 when the header could not be read. */
    record Exif(OffsetDateTime takenAt, PhotoEvidence.Position position, long pixels) {
    }

    private ExifReader() {
    }

    static Exif read(byte[] image) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image), image.length);
            OffsetDateTime takenAt = null;
            ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (exif != null) {
                Date original = exif.getDateOriginal(CHINA);
                if (original != null) {
                    takenAt = original.toInstant().atOffset(java.time.ZoneOffset.UTC);
                }
            }
            PhotoEvidence.Position position = null;
            GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
            if (gps != null) {
                GeoLocation location = gps.getGeoLocation();
                if (location != null && !location.isZero()) {
                    position = new PhotoEvidence.Position(
                            BigDecimal.valueOf(location.getLatitude()).setScale(6, RoundingMode.HALF_UP),
                            BigDecimal.valueOf(location.getLongitude()).setScale(6, RoundingMode.HALF_UP));
                }
            }
            return new Exif(takenAt, position, pixels(metadata));
        } catch (Exception | StackOverflowError unreadable) {
            return new Exif(null, null, 0);
        }
    }

    /** The largest width × height any of the image's headers declares. */
    private static long pixels(Metadata metadata) {
        long pixels = 0;
        for (JpegDirectory jpeg : metadata.getDirectoriesOfType(JpegDirectory.class)) {
            pixels = Math.max(pixels, area(jpeg, JpegDirectory.TAG_IMAGE_WIDTH, JpegDirectory.TAG_IMAGE_HEIGHT));
        }
        for (PngDirectory png : metadata.getDirectoriesOfType(PngDirectory.class)) {
            pixels = Math.max(pixels, area(png, PngDirectory.TAG_IMAGE_WIDTH, PngDirectory.TAG_IMAGE_HEIGHT));
        }
        for (HeifDirectory heif : metadata.getDirectoriesOfType(HeifDirectory.class)) {
            pixels = Math.max(pixels, area(heif, HeifDirectory.TAG_IMAGE_WIDTH, HeifDirectory.TAG_IMAGE_HEIGHT));
        }
        return pixels;
    }

    private static long area(com.drew.metadata.Directory directory, int widthTag, int heightTag) {
        Long width = directory.getLongObject(widthTag);
        Long height = directory.getLongObject(heightTag);
        return width == null || height == null ? 0 : Math.abs(width) * Math.abs(height);
    }
}
