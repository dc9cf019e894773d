package io.cunjian.chassis.config;

import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The few of Quarkus's own settings the chassis reads. Quarkus keeps its own mappings of these keys; a second
 * mapping over the {@code quarkus} namespace is allowed (SmallRye Config lets several mappings declare the same
 * name, and Quarkus skips the unknown-key check in its own namespace, so the many {@code quarkus.*} keys this
 * interface does not name are no error). The defaults here are Quarkus's.
 */
@ConfigMapping(prefix = "quarkus")
public interface QuarkusSettings {

    /** The service's name: the CloudEvents source of its events and the name of its consumers. */
    @WithName("application.name")
    String applicationName();

    /** Where the REST resources are mounted; their paths in the {@code Allow} header start from it. */
    @WithName("rest.path")
    @WithDefault("/")
    String restPath();

    /** The largest request body the HTTP server reads; a larger declared body gets a 413 problem. */
    @WithName("http.limits.max-body-size")
    Optional<MemorySize> maxBodySize();
}
