-- One database per service (the cunjian.db.name of each service's application.properties).
CREATE DATABASE cunjian_village_projects;
CREATE DATABASE cunjian_work_orders;
CREATE DATABASE cunjian_camera_inventory;
CREATE DATABASE cunjian_reporting;
CREATE DATABASE cunjian_community;
