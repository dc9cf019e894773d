package io.cunjian.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * A service's API document is complete (operationIds, tags, bearer security, problem+json errors,
 * 201 on creating POSTs) and equals the committed {@code api-specs/openapi/<service>.yaml};
 * {@code -Dcunjian.openapi.update=true} rewrites that file. A service's test extends this and adds
 * {@code @QuarkusTest @WithTestResource(RealInfrastructure.class)}.
 */
public abstract class OpenApiContract {

    @Test
    void everyOperationIsFullyDescribed() {
        assertThat(OpenApiRules.problems(OpenApiDocument.fetchJson())).isEmpty();
    }

    @Test
    void documentEqualsTheCommittedOne() {
        String service = RealInfrastructure.moduleName();
        Path root = Path.of(System.getProperty("cunjian.root", "../.."));
        OpenApiDrift.check(service, OpenApiDocument.fetchYaml(), OpenApiDrift.committedDocument(root, service),
                Boolean.getBoolean(OpenApiDrift.UPDATE_PROPERTY)).ifPresent(org.junit.jupiter.api.Assertions::fail);
    }
}
