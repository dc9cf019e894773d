package io.cunjian.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads {@code seeds/} through the services' public APIs. Until the service issues give it data
 * there is nothing to load; a loaded seed must be safe to load again (Idempotency-Key per row).
 */
final class Seeds {

    private final Path dir;
    private final List<ServiceDescriptor> services;

    Seeds(Path dir, List<ServiceDescriptor> services) {
        this.dir = dir;
        this.services = services;
    }

    void load() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        if (files.isEmpty()) {
            System.out.printf("%-17s %s%n", "seeds", "nothing to load yet (" + services.size() + " services have no seed data)");
        }
        for (Path f : files) {
            System.out.printf("%-17s %s%n", "seeds", "no loader for " + dir.relativize(f) + " yet");
        }
    }
}
