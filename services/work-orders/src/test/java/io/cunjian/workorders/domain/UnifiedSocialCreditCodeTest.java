package io.cunjian.workorders.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTest {

    @Test
    void acceptsCodesWithTheirCheckCharacter() {
        assertThat(UnifiedSocialCreditCode.isValid("91220300MA14ABCD1X")).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid("91110000600037341L")).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y43")).isTrue();
    }

    @Test
    void refusesWrongCheckCharactersLengthsAndLetters() {
        assertThat(UnifiedSocialCreditCode.isValid("91220300MA14ABCD1Y")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("911100001000013390")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91220300MA14ABCD1")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91220300ma14abcd1x")).isFalse();
        // I, O, S, V and Z are not in the alphabet
        assertThat(UnifiedSocialCreditCode.isValid("91220300MA14ABCDIX")).isFalse();
        // characters 3-8 are the registering division's digits
        assertThat(UnifiedSocialCreditCode.isValid("9122A300MA14ABCD1" + UnifiedSocialCreditCode.checkCharacter("9122A300MA14ABCD1")))
                .isFalse();
        assertThat(UnifiedSocialCreditCode.isValid(null)).isFalse();
    }
}
