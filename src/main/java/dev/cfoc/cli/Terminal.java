package dev.cfoc.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether stdout is an interactive terminal (then the default format is text, else JSON). */
final class Terminal {

    private Terminal() {
    }

    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From JDK 22 on, System.console() is non-null even when redirected; Console.isTerminal() tells.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
