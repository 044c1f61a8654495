package dev.cfoc.config;

/** Bad input: names the file and the JSON path of the problem. Never carries a secret value. */
public class ConfigException extends Exception {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
