package io.cunjian.camerainventory.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A CSV import's answer: every row was registered. */
public record ImportResult(@Schema(description = "cameras registered") int imported, List<String> serials) {
}
