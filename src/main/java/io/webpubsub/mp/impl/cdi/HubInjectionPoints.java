package io.webpubsub.mp.impl.cdi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.InjectionPointInfo;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.declarations.DeclarationInfo;
import jakarta.enterprise.lang.model.declarations.MethodInfo;
import jakarta.enterprise.lang.model.declarations.ParameterInfo;
import jakarta.enterprise.lang.model.types.Type;

import io.webpubsub.mp.WebPubSubHub;
import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;
import io.webpubsub.mp.rest.WebPubSubRestApi;

/** The {@code @WebPubSubHub} injection points of client types found during discovery, by hub. */
final class HubInjectionPoints {

    static final Set<String> CLIENT_TYPES = Set.of(WebPubSubHubClient.class.getName(),
            WebPubSubHubAsyncClient.class.getName(), WebPubSubRestApi.class.getName());

    /** hub → client type names. */
    private final Map<String, Set<String>> types = new TreeMap<>();
    /** hub → where it is injected. */
    private final Map<String, List<String>> places = new TreeMap<>();

    void collect(BeanInfo bean) {
        for (InjectionPointInfo ip : bean.injectionPoints()) {
            String type = clientType(ip.type());
            if (type == null) {
                continue;
            }
            for (AnnotationInfo qualifier : ip.qualifiers()) {
                if (qualifier.name().equals(WebPubSubHub.class.getName())) {
                    String hub = qualifier.value().asString();
                    types.computeIfAbsent(hub, h -> new TreeSet<>()).add(type);
                    places.computeIfAbsent(hub, h -> new ArrayList<>()).add(describe(ip.declaration()));
                }
            }
        }
    }

    Map<String, Set<String>> types() {
        return types;
    }

    List<String> places(String hub) {
        return places.getOrDefault(hub, List.of()).stream().sorted().toList();
    }

    private static String clientType(Type type) {
        if (type.isClass() && CLIENT_TYPES.contains(type.asClass().declaration().name())) {
            return type.asClass().declaration().name();
        }
        return null;
    }

    /** {@code com.acme.Chat.client} for a field, {@code com.acme.Chat.<init> parameter 1} for a parameter. */
    static String describe(DeclarationInfo declaration) {
        if (declaration.kind() == DeclarationInfo.Kind.FIELD) {
            var field = declaration.asField();
            return field.declaringClass().name() + "." + field.name();
        }
        if (declaration.kind() == DeclarationInfo.Kind.PARAMETER) {
            ParameterInfo parameter = declaration.asParameter();
            MethodInfo method = parameter.declaringMethod();
            String name = method.isConstructor() ? "<init>" : method.name();
            int position = method.parameters().indexOf(parameter) + 1;
            return method.declaringClass().name() + "." + name + " parameter " + (position > 0 ? position
                    : parameter.name());
        }
        return declaration.toString();
    }
}
