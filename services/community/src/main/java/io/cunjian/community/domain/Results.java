package io.cunjian.community.domain;

import java.util.List;

/** One page of a search and how many match in all. */
public record Results<T>(List<T> items, long total) {
}
