package io.cunjian.workorders;

import io.cunjian.testing.architecture.ServiceArchitectureContract;

/** Work-orders keeps the layers every Cunjian service keeps, with no exceptions. */
class ArchitectureTest extends ServiceArchitectureContract {

    @Override
    protected String rootPackage() {
        return "io.cunjian.workorders";
    }
}
