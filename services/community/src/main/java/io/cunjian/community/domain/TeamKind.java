package io.cunjian.community.domain;

/** The teams a village sets up under 党建+网格: 管理队 (management), 工作队 (work), 志愿队 (volunteer). */
public enum TeamKind {
    MANAGEMENT, WORK, VOLUNTEER
}
