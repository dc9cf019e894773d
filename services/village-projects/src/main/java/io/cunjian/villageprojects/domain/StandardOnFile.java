package io.cunjian.villageprojects.domain;

import java.time.OffsetDateTime;

/** A standard version as the register keeps it: with who published it and when (both null for a draft). */
public record StandardOnFile(StandardVersion standard, OffsetDateTime publishedAt, String publishedBy) {
}
