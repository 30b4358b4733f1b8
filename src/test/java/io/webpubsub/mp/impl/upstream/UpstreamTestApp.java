package io.webpubsub.mp.impl.upstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.inject.se.SeContainer;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.jboss.resteasy.spi.ResourceFactory;
import org.jboss.resteasy.spi.ResteasyDeployment;
import org.jboss.resteasy.spi.ResteasyProviderFactory;
import org.jboss.weld.environment.se.Weld;

import io.smallrye.config.PropertiesConfigSource;
import io.webpubsub.mp.events.EventEndpoint;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.undertow.Undertow;
import io.webpubsub.mp.impl.cdi.HubClientsBean;
import io.webpubsub.mp.impl.emulator.EmbeddedEmulatorBean;

/**
 * The upstream endpoint running for real: Weld SE with the library's build-compatible extension, RESTEasy on
 * embedded Undertow (loopback, ephemeral port) with the Jakarta REST root {@code /api}, and a JDK HTTP client.
 * The resource and filter instances come from CDI, as on the application servers.
 */
final class UpstreamTestApp implements AutoCloseable {

    private final Config config;
    private final SeContainer container;
    private final Server server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;

    private UpstreamTestApp(Map<String, String> properties, Class<?>... beans) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        try {
            container = boot(beans);
        } catch (RuntimeException e) {
            ConfigProviderResolver.instance().releaseConfig(config);
            throw e;
        }
        ResteasyDeployment deployment = new ResteasyDeploymentImpl();
        // registered as an application that lists EventEndpoint.classes() would have them registered
        for (Class<?> type : EventEndpoint.classes()) {
            if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                deployment.getResourceFactories().add(new CdiResourceFactory(container, type));
            } else {
                deployment.getProviders().add(container.select(type).get());
            }
        }
        server = new Server();
        server.deploy(server.undertowDeployment(deployment, "/api").setContextPath("/")
                .setDeploymentName("upstream-" + UUID.randomUUID()).setClassLoader(loader));
        server.start(Undertow.builder().addHttpListener(0, "127.0.0.1"));
        port = server.port();
    }

    static SeContainer boot(Class<?>... beans) {
        List<Class<?>> classes = new ArrayList<>(List.of(UpstreamConfiguration.class, UpstreamDispatcher.class,
                UpstreamResource.class, UpstreamPathFilter.class, EmbeddedEmulatorBean.class, HubClientsBean.class));
        classes.addAll(List.of(beans));
        return new Weld(UUID.randomUUID().toString()).disableDiscovery()
                .addBeanClasses(classes.toArray(Class<?>[]::new))
                .addBuildCompatibleExtensions(UpstreamExtension.class)
                .initialize();
    }

    static UpstreamTestApp start(Map<String, String> properties, Class<?>... beans) {
        return new UpstreamTestApp(properties, beans);
    }

    <T> T bean(Class<T> type) {
        return container.select(type).get();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> sendForBytes(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            try {
                container.close();
            } finally {
                ConfigProviderResolver.instance().releaseConfig(config);
            }
        }
    }

    private static final class Server extends UndertowJaxrsServer {
        int port() {
            return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        }
    }

    /** Gets the resource from CDI for each request, so the CDI-managed instance (with its injections) serves it. */
    private record CdiResourceFactory(SeContainer container, Class<?> type) implements ResourceFactory {
        @Override
        public Class<?> getScannableClass() {
            return type;
        }

        @Override
        public void registered(ResteasyProviderFactory factory) {
        }

        @Override
        public Object createResource(org.jboss.resteasy.spi.HttpRequest request,
                org.jboss.resteasy.spi.HttpResponse response, ResteasyProviderFactory factory) {
            return container.select(type).get();
        }

        @Override
        public void requestFinished(org.jboss.resteasy.spi.HttpRequest request,
                org.jboss.resteasy.spi.HttpResponse response, Object resource) {
        }

        @Override
        public void unregistered() {
        }
    }
}
