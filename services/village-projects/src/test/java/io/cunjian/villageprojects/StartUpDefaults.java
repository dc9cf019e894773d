package io.cunjian.villageprojects;

import io.cunjian.testing.TopicReader;

/** The events every start publishes on its own (the default catalogue, the illustrative standard): not the ones a test writes. */
final class StartUpDefaults {

    private StartUpDefaults() {
    }

    static boolean isDefault(String key) {
        return key.startsWith("category:") || key.startsWith("standard:");
    }

    static boolean writtenByTheTest(TopicReader.Event e) {
        return !isDefault(e.key());
    }
}
