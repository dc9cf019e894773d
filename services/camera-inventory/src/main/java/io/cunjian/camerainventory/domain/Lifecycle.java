package io.cunjian.camerainventory.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A camera's lifecycle: {@code PLANNED → INSTALLED → OPERATIONAL ⇄ FAULTY}, and from any of these
 * {@code → DECOMMISSIONED}, which is final. Which of them watch a zone is {@link CoverageRule}'s to say.
 */
public enum Lifecycle {
    PLANNED, INSTALLED, OPERATIONAL, FAULTY, DECOMMISSIONED;

    /** The states this one may move to. */
    public Set<Lifecycle> next() {
        switch (this) {
            case PLANNED:
                return EnumSet.of(INSTALLED, DECOMMISSIONED);
            case INSTALLED:
                return EnumSet.of(OPERATIONAL, DECOMMISSIONED);
            case OPERATIONAL:
                return EnumSet.of(FAULTY, DECOMMISSIONED);
            case FAULTY:
                return EnumSet.of(OPERATIONAL, DECOMMISSIONED);
            default:
                return EnumSet.noneOf(Lifecycle.class);
        }
    }

    public boolean mayMoveTo(Lifecycle target) {
        return next().contains(target);
    }

    /** A camera may be registered in these (an inventory of cameras already at work is registered OPERATIONAL). */
    public boolean registrable() {
        return this != DECOMMISSIONED;
    }
}
