package io.cunjian.reporting;

import io.cunjian.testing.architecture.ServiceArchitectureContract;

/** Reporting's layers, by the one contract every service follows. */
class ArchitectureTest extends ServiceArchitectureContract {

    @Override
    protected String rootPackage() {
        return "io.cunjian.reporting";
    }
}
