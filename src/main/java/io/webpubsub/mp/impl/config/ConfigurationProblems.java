package io.webpubsub.mp.impl.config;

import java.util.List;
import java.util.Set;

/**
 * A part of the configuration that the one start-up check ({@code impl.cdi.HubConfigCheck}) asks for its problems,
 * implemented by a bean (the upstream side's), so that every problem is reported together in one failure.
 */
public interface ConfigurationProblems {

    /**
     * @param reportedHubs the hubs (in lower case) whose connection settings are already reported as missing or
     *        invalid by the hub clients' check; their connection problems are not repeated
     * @return every problem, each naming the key to change; empty if none
     */
    List<String> problems(Set<String> reportedHubs);
}
