package io.gau.devstack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One Gau service of the local stack: its ports and whether it owns a PostgreSQL database.
 */
record Service(String name, int port, int adminPort, boolean ownsDatabase) {

    /** Start order: account calls authorization and upload, so those come first. */
    static final List<Service> ALL = List.of(
            new Service("authorization", 8081, 8181, true),
            new Service("upload", 8083, 8183, false),
            new Service("cdn", 8082, 8182, false),
            new Service("email", 8084, 8184, false),
            new Service("account", 8080, 8180, true));

    /** The services named in GAU_SERVICES (comma separated; empty = none), all of them when unset. */
    static List<Service> selected(String list) {
        if (list == null) {
            return ALL;
        }
        List<String> names = Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        List<Service> result = new ArrayList<>();
        for (Service service : ALL) {
            if (names.contains(service.name)) {
                result.add(service);
            }
        }
        for (String name : names) {
            if (ALL.stream().noneMatch(s -> s.name.equals(name))) {
                throw new IllegalArgumentException("unknown service '" + name + "' in GAU_SERVICES");
            }
        }
        return result;
    }

    String artifact() {
        return "gau-" + name;
    }

    String database() {
        return "gau_" + name;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String adminUrl() {
        return "http://127.0.0.1:" + adminPort;
    }
}
