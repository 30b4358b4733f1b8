package io.webpubsub.mp.impl.upstream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.ObserverInfo;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.types.Type;
import jakarta.inject.Singleton;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.events.ConnectHandler;
import io.webpubsub.mp.events.ConnectedEvent;
import io.webpubsub.mp.events.DisconnectedEvent;
import io.webpubsub.mp.events.GroupJoinedEvent;
import io.webpubsub.mp.events.GroupLeftEvent;
import io.webpubsub.mp.events.GroupPresenceEvent;
import io.webpubsub.mp.events.UserEventHandler;
import io.webpubsub.mp.impl.HubNames;

/**
 * Finds the upstream side's beans at deployment: event handler beans and observers of the notification events,
 * by their {@code @WebPubSubHub} qualifier. Reports what can be known without configuration as deployment
 * problems (a handler without a hub, an invalid hub name, two handlers of one kind for a hub, one hub spelt two
 * ways); checks that need configuration run at start-up in {@link UpstreamConfiguration}, because on Quarkus this
 * extension runs at build time, before the run-time configuration exists.
 */
public class UpstreamExtension implements BuildCompatibleExtension {

    private static final String QUALIFIER = WebPubSubHub.class.getName();

    /** Hub name in lower case to the spelling first seen, and where. */
    private final Map<String, String[]> hubs = new TreeMap<>();
    private final Map<String, String> connectHandlers = new TreeMap<>();
    private final Map<String, String> userEventHandlers = new TreeMap<>();

    /**
     * Records a handler bean's hub and reports a missing qualifier, an invalid name or a second handler.
     *
     * @param bean a bean that implements a handler interface
     * @param messages where deployment problems go
     */
    @Registration(types = {ConnectHandler.class, UserEventHandler.class})
    public void handler(BeanInfo bean, Messages messages) {
        String where = describe(bean);
        String hub = hub(bean.qualifiers());
        if (hub == null) {
            messages.error("Web PubSub event handler " + where + " has no @WebPubSubHub qualifier: annotate it with"
                    + " @WebPubSubHub(\"<hub>\") to name the hub whose events it handles", bean);
            return;
        }
        if (!register(hub, where, messages)) {
            return;
        }
        if (implementsType(bean, ConnectHandler.class)) {
            unique(connectHandlers, hub, where, "ConnectHandler", messages);
        }
        if (implementsType(bean, UserEventHandler.class)) {
            unique(userEventHandlers, hub, where, "UserEventHandler", messages);
        }
    }

    /**
     * Records the hub of an observer of a notification event.
     *
     * @param observer the observer method
     * @param messages where deployment problems go
     */
    @Registration(types = {ConnectedEvent.class, DisconnectedEvent.class, GroupJoinedEvent.class,
            GroupLeftEvent.class, GroupPresenceEvent.class})
    public void observer(ObserverInfo observer, Messages messages) {
        String hub = hub(observer.qualifiers());
        if (hub != null) {
            register(hub, observer.declaringClass().name() + "." + observer.observerMethod().name() + "()",
                    messages);
        }
    }

    /**
     * Hands the hubs found to run time as the {@link UpstreamHubs} bean.
     *
     * @param components where synthetic beans are added
     */
    @Synthesis
    public void synthesis(SyntheticComponents components) {
        String[] names = hubs.values().stream().map(spelling -> spelling[0]).toArray(String[]::new);
        components.addBean(UpstreamHubs.class)
                .type(UpstreamHubs.class)
                .scope(Singleton.class)
                .withParam(UpstreamHubs.PARAM, names)
                .createWith(UpstreamHubs.Creator.class);
    }

    private boolean register(String hub, String where, Messages messages) {
        Optional<String> problem = HubNames.hubProblem(hub);
        if (problem.isPresent()) {
            messages.error("Invalid @WebPubSubHub on " + where + ": " + problem.get());
            return false;
        }
        String[] first = hubs.putIfAbsent(hub.toLowerCase(Locale.ROOT), new String[] {hub, where});
        if (first != null && !first[0].equals(hub)) {
            messages.error("Hub '" + hub + "' on " + where + " is spelt '" + first[0] + "' on " + first[1]
                    + ": hub names are case-insensitive; use one spelling");
            return false;
        }
        return true;
    }

    private static void unique(Map<String, String> handlers, String hub, String where, String kind,
            Messages messages) {
        String other = handlers.putIfAbsent(hub.toLowerCase(Locale.ROOT), where);
        if (other != null) {
            messages.error("Hub '" + hub + "' has two " + kind + " beans, " + other + " and " + where
                    + "; keep one");
        }
    }

    private static boolean implementsType(BeanInfo bean, Class<?> type) {
        for (Type t : bean.types()) {
            if (t.isClass() && t.asClass().declaration().name().equals(type.getName())) {
                return true;
            }
        }
        return false;
    }

    private static String hub(Collection<AnnotationInfo> qualifiers) {
        List<String> found = new ArrayList<>();
        for (AnnotationInfo q : qualifiers) {
            if (q.name().equals(QUALIFIER)) {
                found.add(q.value().asString());
            }
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static String describe(BeanInfo bean) {
        if (bean.isProducerMethod()) {
            return bean.declaringClass().name() + "." + bean.producerMethod().name() + "()";
        }
        if (bean.isProducerField()) {
            return bean.declaringClass().name() + "." + bean.producerField().name();
        }
        return bean.declaringClass().name();
    }
}
