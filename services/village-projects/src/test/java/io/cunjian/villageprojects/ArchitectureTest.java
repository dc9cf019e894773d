package io.cunjian.villageprojects;

import io.cunjian.testing.architecture.ServiceArchitectureContract;

/** village-projects keeps the layers every Cunjian service keeps, with no exceptions. */
class ArchitectureTest extends ServiceArchitectureContract {

    @Override
    protected String rootPackage() {
        return "io.cunjian.villageprojects";
    }
}
