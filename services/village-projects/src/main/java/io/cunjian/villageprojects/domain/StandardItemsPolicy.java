package io.cunjian.villageprojects.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What makes a list of items a standard: codes unique and well-formed; labels present; a
 * WORK_QUANTITY item counts at least one category group and no group is counted by two items
 * (a verified quantity would otherwise count twice); other measures count no groups. A draft may
 * be empty; a version is published only with at least one item.
 */
public final class StandardItemsPolicy {

    public static final String ITEM_CODE_PATTERN = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";

    private StandardItemsPolicy() {
    }

    public static List<Violation> violations(List<StandardVersion.Item> items, boolean forPublication) {
        List<Violation> violations = new ArrayList<>();
        if (forPublication && items.isEmpty()) {
            violations.add(new Violation("items", "problem.standard.items.empty"));
        }
        Set<String> codes = new HashSet<>();
        Map<WorkCategory.Group, String> countedBy = new EnumMap<>(WorkCategory.Group.class);
        for (int i = 0; i < items.size(); i++) {
            StandardVersion.Item item = items.get(i);
            String at = "items[" + i + "]";
            if (item.code() == null || item.code().length() > 50 || !item.code().matches(ITEM_CODE_PATTERN)) {
                violations.add(new Violation(at + ".code", "problem.standard.item.code.invalid"));
            } else if (!codes.add(item.code())) {
                violations.add(new Violation(at + ".code", "problem.standard.item.code.duplicate"));
            }
            if (item.kind() == null) {
                violations.add(new Violation(at + ".kind", "problem.standard.item.kind.missing"));
            }
            if (item.measure() == null) {
                violations.add(new Violation(at + ".measure", "problem.standard.item.measure.missing"));
            }
            if (item.labelZh() == null || item.labelZh().isEmpty() || item.labelZh().length() > 100) {
                violations.add(new Violation(at + ".labelZh", "problem.standard.item.label.invalid"));
            }
            if (item.labelEn() == null || item.labelEn().isEmpty() || item.labelEn().length() > 200) {
                violations.add(new Violation(at + ".labelEn", "problem.standard.item.label.invalid"));
            }
            if (item.measure() == StandardVersion.Measure.WORK_QUANTITY) {
                if (item.countsGroups().isEmpty()) {
                    violations.add(new Violation(at + ".countsGroups", "problem.standard.item.groups.missing"));
                }
                for (WorkCategory.Group group : item.countsGroups()) {
                    String other = countedBy.putIfAbsent(group, item.code());
                    if (other != null && !other.equals(item.code())) {
                        violations.add(new Violation(at + ".countsGroups", "problem.standard.item.groups.counted-twice"));
                    }
                }
            } else if (item.measure() != null && !item.countsGroups().isEmpty()) {
                violations.add(new Violation(at + ".countsGroups", "problem.standard.item.groups.not-work"));
            }
        }
        return violations;
    }
}
