package io.cunjian.chassis.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RegionCodeTest {

    @Test
    void eachLengthIsOneAdministrativeLevel() {
        assertThat(List.of("22", "2203", "220382", "220382105", "220382105001").stream()
                .map(c -> new RegionCode(c).level()).toList())
                .containsExactly("province", "city", "county", "township", "village");
    }

    @Test
    void aRegionCoversItselfAndEveryCodeUnderIt() {
        assertThat(RegionCode.anyCovers(List.of("220303"), "220303")).isTrue();
        assertThat(RegionCode.anyCovers(List.of("220303"), "220303001")).isTrue();
        assertThat(RegionCode.anyCovers(List.of("220303"), "220303001001")).isTrue();
        assertThat(RegionCode.anyCovers(List.of("22"), "220382")).isTrue();
        assertThat(RegionCode.anyCovers(List.of("2203"), "220322100001")).isTrue();
    }

    @Test
    void notItsParentsNorItsNeighbours() {
        assertThat(RegionCode.anyCovers(List.of("220303"), "2203")).isFalse();
        assertThat(RegionCode.anyCovers(List.of("220303"), "22")).isFalse();
        assertThat(RegionCode.anyCovers(List.of("220303"), "220322")).isFalse();
        assertThat(RegionCode.anyCovers(List.of("220303"), "220322100001")).isFalse();
        assertThat(RegionCode.anyCovers(List.of(), "220303")).isFalse();
    }

    @Test
    void anyOfSeveralRegions() {
        assertThat(RegionCode.anyCovers(List.of("220322", "220382"), "220382104001")).isTrue();
    }

    @Test
    void malformedGrantsAndTargetsNeverMatch() {
        assertThat(RegionCode.anyCovers(List.of(""), "220303")).as("an empty grant is not everything").isFalse();
        assertThat(RegionCode.anyCovers(List.of("2"), "220303")).isFalse();
        assertThat(RegionCode.anyCovers(List.of("22030"), "220303")).as("5 digits is no region level").isFalse();
        assertThat(RegionCode.anyCovers(List.of("22ab"), "22ab03")).isFalse();
        assertThat(RegionCode.anyCovers(List.of("220303"), null)).isFalse();
        assertThat(RegionCode.anyCovers(List.of("220303"), "2203031")).as("7 digits is no region level").isFalse();
        assertThat(RegionCode.anyCovers(List.of("220303"), "220303 ")).isFalse();
    }

    @Test
    void aVillageKnowsItsTownshipAndLevel() {
        RegionCode village = new RegionCode("220382201001");
        assertThat(village.isVillage()).isTrue();
        assertThat(village.township()).isEqualTo(new RegionCode("220382201"));
        assertThat(RegionCode.townshipOf("220382201")).isEqualTo("220382201");
        assertThat(new RegionCode("2203").covers(village)).isTrue();
        assertThat(new RegionCode("2204").covers(village)).isFalse();
        assertThat(RegionCode.isVillageCode("220382201")).isFalse();
        assertThat(RegionCode.isRegionAboveVillage("220382201")).isTrue();
        assertThat(RegionCode.parse("22038220100")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RegionCode.townshipOf("220382"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
