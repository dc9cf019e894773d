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

import io.cunjian.chassis.domain.ChinaTime;
import io.cunjian.workorders.domain.PhotoEvidence;

/**
 * Reads the time a photo was taken and where, from its EXIF data (metadata-extractor). EXIF times
 * carry no zone unless the camera wrote an offset: they are read as China time. A photo without
 * readable metadata simply has neither.
 */
final class ExifReader {

    static final TimeZone CHINA = TimeZone.getTimeZone(ChinaTime.ZONE);

    record Exif(OffsetDateTime takenAt, PhotoEvidence.Position position) {
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
            return new Exif(takenAt, position);
        } catch (Exception | StackOverflowError unreadable) {
            return new Exif(null, null);
        }
    }
}
