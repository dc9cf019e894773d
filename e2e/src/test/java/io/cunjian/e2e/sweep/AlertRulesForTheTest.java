package io.cunjian.e2e.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.cunjian.local.Monitoring;

/**
 * The committed rule files, with one change for the live alert test: {@code ConsumerLagGrowing}
 * looks at 30 s instead of 5 m and fires after 15 s instead of 5 m. Its expression stays the
 * committed one, so the test still proves that the real rule reads the metric the services expose;
 * only the windows shrink, or the test would wait ten minutes.
 */
final class AlertRulesForTheTest {

    static final String RULE = "- alert: ConsumerLagGrowing";

    private AlertRulesForTheTest() {
    }

    /** Every committed rule file, the one with the lag alert rewritten into {@code dir}. */
    static List<Path> withFasterLagAlert(Path root, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        boolean found = false;
        for (Path f : Monitoring.ruleFiles(root)) {
            String text = Files.readString(f);
            int at = text.indexOf(RULE);
            if (at < 0) {
                files.add(f);
                continue;
            }
            int next = text.indexOf("- alert:", at + RULE.length());
            int end = next < 0 ? text.length() : next;
            String rule = text.substring(at, end);
            String faster = rule.replace("[5m]", "[30s]").replace("for: 5m", "for: 15s");
            if (faster.equals(rule) || !faster.contains("for: 15s") || faster.contains("[5m]")) {
                throw new IllegalStateException("ConsumerLagGrowing no longer has the 5 m windows this test shortens:\n" + rule);
            }
            Path copy = dir.resolve(f.getFileName());
            Files.writeString(copy, text.substring(0, at) + faster + text.substring(end));
            files.add(copy);
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("no rule file of " + root + " has " + RULE);
        }
        return files;
    }
}
