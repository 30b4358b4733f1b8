package io.webpubsub.mp.impl.cdi;

/** Detects that build-compatible extensions run inside a Quarkus build (ArC's bean processor is present). */
final class QuarkusBuild {

    private QuarkusBuild() {
    }

    static boolean isRunning() {
        try {
            Class.forName("io.quarkus.arc.processor.BeanProcessor", false, QuarkusBuild.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
