package io.webpubsub.it.scenarios;

/**
 * The whole suite: what every runtime module runs, through one thin test class that implements this and says
 * how to reach its deployment ({@link Deployed#appUri()}).
 */
public interface AllScenarios extends SmokeScenarios, MessagingScenarios, GroupScenarios, ConnectionScenarios,
        PermissionScenarios, ClientAccessScenarios, UpstreamScenarios, IdleConnectionScenarios {
}
