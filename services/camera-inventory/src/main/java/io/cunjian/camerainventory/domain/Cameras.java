package io.cunjian.camerainventory.domain;

import java.util.List;
import java.util.Optional;

/** The camera inventory as the use cases reach it (implemented in persistence). */
public interface Cameras {

    Optional<CameraStatus> withSerial(String serial);

    boolean exists(String serial);

    /** The camera, locked until the transaction ends: changes of one camera happen one after the other. */
    Optional<Camera> lockForChange(String serial);

    /** Stores a new camera (offline, never seen) and returns it as stored. */
    Camera add(Camera camera);

    /** Stores the details and lifecycle of a camera locked by {@link #lockForChange}; returns it with its new version. */
    Camera save(Camera camera);

    List<CameraStatus> matching(CameraFilter filter, int page, int size);

    List<CameraStatus> allMatching(CameraFilter filter);

    long countMatching(CameraFilter filter);

    /** The village's cameras by serial. */
    List<Camera> inVillage(String villageCode);
}
