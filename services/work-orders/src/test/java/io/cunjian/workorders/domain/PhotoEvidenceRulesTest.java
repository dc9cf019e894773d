package io.cunjian.workorders.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class PhotoEvidenceRulesTest {

    static PhotoEvidence.Position at(String lat, String lng) {
        return new PhotoEvidence.Position(new BigDecimal(lat), new BigDecimal(lng));
    }

    @Test
    void recognisesImagesByTheirFirstBytesOnly() {
        assertThat(PhotoEvidence.contentType(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 })).contains(PhotoEvidence.JPEG);
        assertThat(PhotoEvidence.contentType(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }))
                .contains(PhotoEvidence.PNG);
        assertThat(PhotoEvidence.contentType(new byte[] { 0, 0, 0, 24, 'f', 't', 'y', 'p', 'm', 'i', 'f', '1' }))
                .contains(PhotoEvidence.HEIC);
        // an MP4 is an ftyp box too, but not an image
        assertThat(PhotoEvidence.contentType(new byte[] { 0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm' })).isEmpty();
        assertThat(PhotoEvidence.contentType("GIF89a".getBytes())).isEmpty();
        assertThat(PhotoEvidence.contentType("%PDF-1.7".getBytes())).isEmpty();
        assertThat(PhotoEvidence.contentType(new byte[0])).isEmpty();
    }

    @Test
    void flagsOldAndFarPhotosAndSaysWhatItCouldNotCheck() {
        OffsetDateTime start = OffsetDateTime.parse("2026-05-01T08:00:00+08:00");
        PhotoEvidence.Position site = at("43.500000", "123.500000");
        assertThat(PhotoEvidence.flags(start.plusHours(1), start, at("43.501", "123.501"), site, 1000)).isEmpty();
        assertThat(PhotoEvidence.flags(start.minusDays(30), start, at("43.501", "123.501"), site, 1000))
                .containsExactly(PhotoEvidence.TAKEN_BEFORE_START);
        // about 11 km north
        assertThat(PhotoEvidence.flags(start.plusHours(1), start, at("43.6", "123.5"), site, 1000))
                .containsExactly(PhotoEvidence.FAR_FROM_SITE);
        assertThat(PhotoEvidence.flags(null, start, null, site, 1000))
                .containsExactly(PhotoEvidence.NO_TIME, PhotoEvidence.NO_POSITION);
        // an order without a position cannot judge distance
        assertThat(PhotoEvidence.flags(start.plusHours(1), start, at("10", "10"), null, 1000)).isEmpty();
        assertThat(PhotoEvidence.distanceMetres(at("43.5", "123.5"), at("43.6", "123.5"))).isBetween(11_000.0, 11_200.0);
    }
}
