package io.cunjian.testing.licences;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which licences a service may ship: the allow-list and per-component exceptions of
 * {@code deploy/licences/allowed.txt}, held against a CycloneDX SBOM (JSON) such as the {@code target/bom.json}
 * the build writes for each service before its tests run.
 *
 * <p>A component passes when one of the licences it lists is allowed: several listed licences are a choice
 * (dual licensing), and a licence expression passes when one of its {@code OR} alternatives has every
 * {@code AND} part allowed. A component listing no licence passes only through a named exception, whose reason is
 * required, so an unknown licence is never taken as a permissive one.
 */
public final class LicencePolicy {

    /** The allow-list's place in the checkout. */
    public static final String FILE = "deploy/licences/allowed.txt";

    private final Set<String> allowed;
    private final Map<String, String> exceptions;

    private LicencePolicy(Set<String> allowed, Map<String, String> exceptions) {
        this.allowed = allowed;
        this.exceptions = exceptions;
    }

    /** The policy committed in the checkout at {@code root}. */
    public static LicencePolicy of(Path root) {
        try {
            return parse(Files.readAllLines(root.resolve(FILE), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the allow-list's lines; a line it does not understand is an error, not ignored. */
    public static LicencePolicy parse(List<String> lines) {
        Set<String> allowed = new LinkedHashSet<>();
        Map<String, String> exceptions = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            if (parts[0].equals("allow") && parts.length >= 2) {
                allowed.add(line.substring("allow".length()).strip());
            } else if (parts[0].equals("except") && parts.length == 3 && parts[1].contains(":")) {
                exceptions.put(parts[1], parts[2]);
            } else {
                throw new IllegalArgumentException(FILE + ": cannot read \"" + line
                        + "\" (expected \"allow <licence>\" or \"except <group>:<artifact> <reason>\")");
            }
        }
        return new LicencePolicy(Set.copyOf(allowed), Map.copyOf(exceptions));
    }

    /** {@code group:name:version — licences} of every component of the SBOM at {@code bom} the policy refuses. */
    public List<String> refused(Path bom) {
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(bom.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SBOM " + bom, e);
        }
        if (!"CycloneDX".equals(document.path("bomFormat").asText())) {
            throw new IllegalArgumentException(bom + " is not a CycloneDX SBOM");
        }
        List<String> refused = new ArrayList<>();
        for (JsonNode component : document.path("components")) {
            String coordinates = component.path("group").asText() + ":" + component.path("name").asText();
            List<String> licences = licences(component);
            if (exceptions.containsKey(coordinates) || licences.stream().anyMatch(this::allows)) {
                continue;
            }
            refused.add(coordinates + ":" + component.path("version").asText() + " — "
                    + (licences.isEmpty() ? "no licence named" : String.join(", ", licences)));
        }
        return refused;
    }

    private boolean allows(String licence) {
        if (allowed.contains(licence)) {
            return true;
        }
        for (String alternative : licence.split("\\s+OR\\s+")) {
            String plain = alternative.replace("(", "").replace(")", "").strip();
            if (!plain.equals(licence) && List.of(plain.split("\\s+AND\\s+")).stream().map(String::strip).allMatch(allowed::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The SPDX ids, names or expressions a component lists. */
    private static List<String> licences(JsonNode component) {
        List<String> licences = new ArrayList<>();
        for (JsonNode choice : component.path("licenses")) {
            if (choice.hasNonNull("expression")) {
                licences.add(choice.get("expression").asText());
            }
            JsonNode licence = choice.path("license");
            if (licence.hasNonNull("id")) {
                licences.add(licence.get("id").asText());
            } else if (licence.hasNonNull("name")) {
                licences.add(licence.get("name").asText());
            }
        }
        return licences;
    }
}
