package io.cunjian.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link in the documentation that leads nowhere is worse than none: an operator following a
 * runbook at night meets it first. Every relative link of every Markdown file must name a file or
 * folder of the repository, and every runbook page must say the four things a runbook says.
 */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Path ROOT = OutsideReferences.repositoryRoot(Path.of(""));
    private static final Path RUNBOOKS = ROOT.resolve("docs/operations/runbooks");

    @Test
    void everyRelativeLinkInTheDocumentationLeadsToAFile() throws IOException {
        List<String> broken = new ArrayList<>();
        List<String> markdown = OutsideReferences.files(ROOT).stream().filter(f -> f.endsWith(".md")).toList();
        assertThat(markdown).contains("README.md", "docs/design.md", "docs/operations/runbooks/README.md");
        for (String file : markdown) {
            Path path = ROOT.resolve(file);
            if (Files.isRegularFile(path)) {
                broken.addAll(brokenLinks(path, Files.readString(path, StandardCharsets.UTF_8)));
            }
        }
        assertThat(broken).as("links to nothing (file: link)").isEmpty();
    }

    @Test
    void aLinkToAMissingFileIsFound(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("there.md"), "# There");
        String text = "[ok](there.md) [ok too](there.md#a-heading) [web](https://example.org/x.md) "
                + "[anchor](#top) [gone](runbooks/gone.md) [gone too](../nowhere.md#x)";

        assertThat(brokenLinks(dir.resolve("page.md"), text))
                .extracting(s -> s.substring(s.indexOf(": ") + 2))
                .containsExactly("runbooks/gone.md", "../nowhere.md#x");
    }

    @Test
    void everyRunbookSaysWhatYouSeeHowToConfirmWhatToDoAndWhenItIsFixed() throws IOException {
        String index = Files.readString(RUNBOOKS.resolve("README.md"), StandardCharsets.UTF_8);
        List<String> incomplete = new ArrayList<>();
        try (var pages = Files.list(RUNBOOKS)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String name = page.getFileName().toString();
                if (name.equals("README.md")) {
                    continue;
                }
                String text = Files.readString(page, StandardCharsets.UTF_8);
                if (!index.contains("(" + name + ")")) {
                    incomplete.add(name + ": not listed in the runbooks' README");
                }
                for (String part : List.of("**Confirm", "**Do.**", "**Fixed when**")) {
                    if (!text.contains(part)) {
                        incomplete.add(name + ": no " + part.replace("*", ""));
                    }
                }
            }
        }
        assertThat(incomplete).isEmpty();
    }

    @Test
    void everyFaultOfTheResilienceMatrixHasARunbook() throws IOException {
        String index = Files.readString(RUNBOOKS.resolve("README.md"), StandardCharsets.UTF_8);
        // The faults the e2e suite injects (docs/resilience.md) — each must tell an operator what to do.
        for (String page : List.of("service-process-killed.md", "broker-down.md", "broker-leader-killed.md",
                "brokers-majority-down.md", "database-refusing-connections.md", "database-lost.md",
                "adding-an-instance.md")) {
            assertThat(index).as("runbooks README lists " + page).contains("(" + page + ")");
            assertThat(RUNBOOKS.resolve(page)).isRegularFile();
        }
    }

    /** "file: link" for each relative link of {@code text} (a file at {@code page}) that names nothing. */
    static List<String> brokenLinks(Path page, String text) {
        List<String> broken = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String link = m.group(1);
            if (link.startsWith("#") || link.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                continue; // an anchor in the same page, or a URL (https:, mailto:)
            }
            String target = link.replaceFirst("#.*$", "");
            if (!target.isEmpty() && !Files.exists(page.getParent().resolve(target).normalize())) {
                broken.add(ROOT.relativize(page.toAbsolutePath()).toString().replace('\\', '/') + ": " + link);
            }
        }
        return broken;
    }
}
