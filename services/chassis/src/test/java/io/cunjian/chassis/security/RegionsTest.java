package io.cunjian.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RegionsTest {

    @Test
    void aRegionCoversItselfAndEveryCodeUnderIt() {
        assertThat(Regions.covers(List.of("220303"), "220303")).isTrue();
        assertThat(Regions.covers(List.of("220303"), "220303001")).isTrue();
        assertThat(Regions.covers(List.of("220303"), "220303001001")).isTrue();
        assertThat(Regions.covers(List.of("22"), "220382")).isTrue();
        assertThat(Regions.covers(List.of("2203"), "220322100001")).isTrue();
    }

    @Test
    void notItsParentsNorItsNeighbours() {
        assertThat(Regions.covers(List.of("220303"), "2203")).isFalse();
        assertThat(Regions.covers(List.of("220303"), "22")).isFalse();
        assertThat(Regions.covers(List.of("220303"), "220322")).isFalse();
        assertThat(Regions.covers(List.of("220303"), "220322100001")).isFalse();
        assertThat(Regions.covers(List.of(), "220303")).isFalse();
    }

    @Test
    void anyOfSeveralRegions() {
        assertThat(Regions.covers(List.of("220322", "220382"), "220382104001")).isTrue();
    }

    @Test
    void malformedGrantsAndTargetsNeverMatch() {
        assertThat(Regions.covers(List.of(""), "220303")).as("an empty grant is not everything").isFalse();
        assertThat(Regions.covers(List.of("2"), "220303")).isFalse();
        assertThat(Regions.covers(List.of("22030"), "220303")).as("5 digits is no region level").isFalse();
        assertThat(Regions.covers(List.of("22ab"), "22ab03")).isFalse();
        assertThat(Regions.covers(List.of("220303"), null)).isFalse();
        assertThat(Regions.covers(List.of("220303"), "2203031")).as("7 digits is no region level").isFalse();
        assertThat(Regions.covers(List.of("220303"), "220303 ")).isFalse();
    }
}
