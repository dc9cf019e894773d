package io.cunjian.apilint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every committed OpenAPI document passes Spectral's OWASP API Security Top 10 ruleset and
 * Redocly's recommended rules without an error; the failure lists each error. Both linters really
 * fail on a planted fault, and every waiver in the ruleset still names a path or schema of its document.
 */
class OpenApiLintTest {

    private static final Pattern WAIVER = Pattern.compile("^\\s*- \"\\.\\./openapi/([^\"#]+)#/(paths|components/schemas)/([^/\"]+)(/[^\"]*)?\"\\s*$");

    static List<Path> documents() {
        return Linters.documents();
    }

    @Test
    void thereAreDocumentsToLint() {
        assertThat(documents()).extracting(p -> p.getFileName().toString())
                .contains("work-orders.yaml", "village-projects.yaml", "camera-inventory.yaml", "reporting.yaml", "community.yaml");
    }

    @ParameterizedTest
    @MethodSource("documents")
    void owaspRulesetFindsNoError(Path document) {
        Linters.Run r = Linters.spectral(document);
        assertThat(r.exit()).as("Spectral (OWASP API Security Top 10) errors in " + document.getFileName() + ":\n"
                + r.output()).isZero();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void redoclyRecommendedRulesFindNoError(Path document) {
        Linters.Run r = Linters.redocly(document);
        assertThat(r.exit()).as("Redocly errors in " + document.getFileName() + ":\n" + r.output()).isZero();
    }

    @Test
    void anUnboundedStringAndABrokenReferenceFailTheLinters() throws IOException {
        String document = Files.readString(Linters.DOCUMENTS.resolve("work-orders.yaml"));
        String schemas = "components:\n  schemas:\n";
        assertThat(document).contains(schemas);
        String planted = document.replace(schemas, schemas + """
                    PlantedNote:
                      type: object
                      properties:
                        note:
                          type: string
                        other:
                          $ref: "#/components/schemas/NoSuchSchema"
                """);
        Path copy = Linters.LINT.resolve("target/planted-work-orders.yaml");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, planted);

        Linters.Run spectral = Linters.spectral(copy);
        assertThat(spectral.exit()).as(spectral.output()).isNotZero();
        assertThat(spectral.output()).containsPattern("owasp:api4:2023-string-limit.*components\\.schemas\\.PlantedNote\\.properties\\.note");

        Linters.Run redocly = Linters.redocly(copy);
        assertThat(redocly.exit()).as(redocly.output()).isNotZero();
        assertThat(redocly.output()).containsPattern("\\d+:\\d+\\s+error\\s+no-unresolved-refs");
    }

    /** The CORS rule skips the rate-limit headers every answer declares, and only them. */
    @Test
    void theCorsRuleSkipsOnlyTheRateLimitHeaders() throws IOException {
        String document = Files.readString(Linters.DOCUMENTS.resolve("work-orders.yaml"));
        assertThat(document).contains("\npaths:\n");
        String planted = document.replace("\npaths:\n", """

                paths:
                  /planted:
                    get:
                      responses:
                        "200":
                          description: another header
                          headers:
                            X-Planted:
                              schema:
                                type: string
                                maxLength: 5
                        "204":
                          description: the rate-limit headers
                          headers:
                            RateLimit:
                              schema:
                                type: string
                                maxLength: 200
                            RateLimit-Policy:
                              schema:
                                type: string
                                maxLength: 200
                """);
        Path copy = Linters.LINT.resolve("target/planted-cors.yaml");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, planted);

        Linters.Run spectral = Linters.spectral(copy);
        assertThat(spectral.output()).containsPattern("owasp:api8:2023-define-cors-origin.*paths\\./planted\\.get\\.responses\\[200\\]")
                .doesNotContainPattern("owasp:api8:2023-define-cors-origin.*responses\\[204\\]");
    }

    /** A waiver outlives its reason when the path or schema it names is gone: then it must go too. */
    @Test
    void everyWaiverNamesAPathOfItsDocument() throws IOException {
        List<String> waivers = new ArrayList<>();
        for (String line : Files.readAllLines(Linters.LINT.resolve(".spectral.yaml"))) {
            Matcher m = WAIVER.matcher(line);
            if (m.matches()) {
                String name = URLDecoder.decode(m.group(3), StandardCharsets.UTF_8).replace("~1", "/").replace("~0", "~");
                String document = Files.readString(Linters.DOCUMENTS.resolve(m.group(1)));
                // a path sits under paths: (two spaces), a schema under components: schemas: (four)
                String key = m.group(2).equals("paths") ? "\n  " + name + ":\n" : "\n    " + name + ":\n";
                assertThat(document).as(m.group(1) + " has no " + m.group(2) + " entry " + name + ": drop its waiver from .spectral.yaml")
                        .contains(key);
                waivers.add(m.group(1) + " " + name);
            }
        }
        assertThat(waivers).isNotEmpty();
    }
}
