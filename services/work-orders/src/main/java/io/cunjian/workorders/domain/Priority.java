package io.cunjian.workorders.domain;

public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
