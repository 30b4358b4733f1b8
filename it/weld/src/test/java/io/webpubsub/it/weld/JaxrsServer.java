package io.webpubsub.it.weld;

import io.undertow.Undertow;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.ListenerInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.ext.Provider;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.cdi.CdiInjectorFactory;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.jboss.resteasy.spi.ResteasyDeployment;

/**
 * What a servlet container gives the app on the other runtimes, for Weld embedded: Jakarta REST (RESTEasy on
 * Undertow, loopback, ephemeral port) serving every {@code @Path} and {@code @Provider} bean of the deployment,
 * the app's and the library's alike, as CDI beans with a request context per request. Started when the
 * application context starts, stopped with it.
 */
@ApplicationScoped
public class JaxrsServer {

    private Exposed server;
    private URI uri;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started, BeanManager beans) {
        Set<Class<?>> classes = beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .map(Bean::getBeanClass)
                .filter(c -> c.isAnnotationPresent(Path.class) || c.isAnnotationPresent(Provider.class))
                .collect(Collectors.toSet());
        Class<? extends Application> app = applicationClass();
        String root = app == null ? "/" : app.getAnnotation(ApplicationPath.class).value();

        ResteasyDeployment deployment = new ResteasyDeploymentImpl();
        deployment.setInjectorFactory(new CdiInjectorFactory(beans));
        for (Class<?> c : classes) {
            if (c.isAnnotationPresent(Path.class)) {
                deployment.getActualResourceClasses().add(c);
            } else {
                deployment.getActualProviderClasses().add(c);
            }
        }

        server = new Exposed();
        server.start(Undertow.builder().addHttpListener(0, "127.0.0.1"));
        DeploymentInfo info = server.undertowDeployment(deployment, "/")
                .setClassLoader(Thread.currentThread().getContextClassLoader())
                .setContextPath(root.startsWith("/") ? root : "/" + root)
                .setDeploymentName("it")
                .addListener(new ListenerInfo(RequestScope.class,
                        new ImmediateInstanceFactory<>(new RequestScope(beans))));
        server.deploy(info);
        int port = ((InetSocketAddress) server.undertow().getListenerInfo().get(0).getAddress()).getPort();
        String path = info.getContextPath().endsWith("/") ? info.getContextPath() : info.getContextPath() + "/";
        uri = URI.create("http://127.0.0.1:" + port + path);
        System.getLogger(JaxrsServer.class.getName()).log(System.Logger.Level.INFO,
                "Jakarta REST at " + uri + " serving " + classes);
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Application> applicationClass() {
        try {
            Class<?> c = Class.forName("io.webpubsub.it.app.ItApplication", false,
                    Thread.currentThread().getContextClassLoader());
            return (Class<? extends Application>) c;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** Where the app answers, ending with {@code /}. */
    public URI uri() {
        return uri;
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static final class Exposed extends UndertowJaxrsServer {
        Undertow undertow() {
            return server;
        }
    }

    /** A CDI request context around each HTTP request, as a servlet container with CDI does. */
    public static final class RequestScope implements ServletRequestListener {
        private static final String KEY = RequestScope.class.getName();
        private final BeanManager beans;

        RequestScope(BeanManager beans) {
            this.beans = beans;
        }

        @Override
        public void requestInitialized(ServletRequestEvent e) {
            RequestContextController controller = beans.createInstance().select(RequestContextController.class).get();
            controller.activate();
            e.getServletRequest().setAttribute(KEY, controller);
        }

        @Override
        public void requestDestroyed(ServletRequestEvent e) {
            Object controller = e.getServletRequest().getAttribute(KEY);
            if (controller instanceof RequestContextController c) {
                c.deactivate();
            }
        }
    }
}
