package io.cunjian.reporting.api;

import io.smallrye.config.ConfigMapping;

/** Where the brokers are ({@code kafka.bootstrap.servers}, shared with the channels): the rebuild reads the topics itself. */
@ConfigMapping(prefix = "kafka.bootstrap")
public interface KafkaBootstrap {

    String servers();
}
