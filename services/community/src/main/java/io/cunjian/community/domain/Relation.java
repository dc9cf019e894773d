package io.cunjian.community.domain;

/** A member's relation to the household's 户主 (as the household register names them); HEAD is the 户主. */
public enum Relation {
    HEAD, SPOUSE, CHILD, CHILD_IN_LAW, PARENT, GRANDPARENT, GRANDCHILD, SIBLING, OTHER
}
