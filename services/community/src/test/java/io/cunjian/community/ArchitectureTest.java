package io.cunjian.community;

import io.cunjian.testing.architecture.ServiceArchitectureContract;

/** community keeps the layers every Cunjian service keeps (the rules live in the shared contract). */
class ArchitectureTest extends ServiceArchitectureContract {

    @Override
    protected String rootPackage() {
        return "io.cunjian.community";
    }
}
