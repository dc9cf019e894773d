package io.cunjian.villageprojects.domain;

/**
 * One broken rule of a command's input, named by the JSON path of the field it is about
 * ({@code items[2].countsGroups}) and a message key of the service's problems bundle.
 */
public record Violation(String field, String messageKey) {
}
