package io.webpubsub.mp.impl.config;

import java.util.Optional;

/**
 * Where the one rule set ({@link SettingsResolver}) reads a hub's settings, and how its messages name what the user
 * must change: a MicroProfile Config key ({@link HubConfig}) or a method of {@code WebPubSubClientBuilder}.
 */
public interface SettingSource {

    /** @return the hub */
    String hub();

    /**
     * A setting's value, by its name in {@link Keys}.
     *
     * @param key the setting, e.g. {@link Keys#CONNECTION_STRING}
     * @return text to parse (configuration), or a value of the setting's type already checked where it was passed
     *         (builder); empty when not set
     * @throws IllegalArgumentException naming the setting when it cannot be read
     */
    Optional<?> value(String key);

    /**
     * @param key the setting
     * @return how messages name the setting where it is set, e.g. {@code azure.webpubsub.endpoint (env …)} or
     *         {@code endpoint(String)}
     */
    String name(String key);

    /**
     * @param key the setting
     * @return the precedence of where the setting is set: of two conflicting settings the higher wins, equal ones
     *         conflict
     */
    int level(String key);

    /** @return what the messages are about, e.g. {@code Hub 'chat'} */
    String subject();

    /**
     * The one form of a problem with one of these settings.
     *
     * @param key the setting
     * @param problem what is wrong, e.g. {@code must be true or false, was 'x'}
     * @return e.g. {@code Hub 'chat': invalid azure.webpubsub.hubs.chat.x (env AZURE_WEBPUBSUB_HUBS_CHAT_X): <problem>}
     */
    default String invalid(String key, String problem) {
        return subject() + ": invalid " + name(key) + ": " + problem;
    }

    /** @return what to do when nothing names the service */
    String missingHint();

    /** @return what to do when an endpoint has no credential */
    String credentialHint();
}
