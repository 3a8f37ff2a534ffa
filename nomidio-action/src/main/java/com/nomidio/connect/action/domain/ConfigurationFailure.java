package com.nomidio.connect.action.domain;

/**
 * The deployment, not the caller or Nomidio, stopped an action: for example KMS refused or failed to decrypt the
 * access key secret. Answered ERROR and counted in the {@code ConfigurationFailure} metric an operator alarms on.
 */
public final class ConfigurationFailure extends RuntimeException {

    public ConfigurationFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
