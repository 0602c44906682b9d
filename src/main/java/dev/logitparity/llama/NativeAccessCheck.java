package dev.logitparity.llama;

/** Fails early and plainly when the JVM was started without native access for this code. */
final class NativeAccessCheck {

    private NativeAccessCheck() {
    }

    static void require() {
        Module module = NativeAccessCheck.class.getModule();
        if (!module.isNativeAccessEnabled()) {
            throw new IllegalStateException("native access is disabled for " + module
                    + ": start the JVM with --enable-native-access=ALL-UNNAMED (the launcher and the build do)");
        }
    }
}
