package io.cunjian.camerainventory.domain;

/** What was done to a camera, as its maintenance log records it. */
public enum MaintenanceKind {
    INSPECTION, REPAIR, CLEANING, REPLACEMENT, OTHER
}
