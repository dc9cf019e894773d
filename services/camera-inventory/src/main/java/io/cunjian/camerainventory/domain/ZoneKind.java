package io.cunjian.camerainventory.domain;

/** What part of a village a coverage zone is. */
public enum ZoneKind {
    ENTRANCE, MAIN_ROAD, SQUARE, SCHOOL_GATE, RIVER_BANK, OTHER
}
