package io.cunjian.camerainventory.domain;

import java.util.List;

/** Cameras' maintenance logs (implemented in persistence). */
public interface MaintenanceLog {

    MaintenanceRecord add(String serial, CameraService.MaintenanceEntry entry, String recordedBy);

    /** Newest first. */
    List<MaintenanceRecord> ofCamera(String serial, int page, int size);

    long countOfCamera(String serial);
}
