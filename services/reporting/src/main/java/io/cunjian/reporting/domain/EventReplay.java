package io.cunjian.reporting.domain;

/** Reads the three topics from offset zero into a rebuild's tables, in the background, until they are swapped in. */
public interface EventReplay {

    void start(long rebuildId);
}
