package com.nomidio.connect.deployment.aws;

/** A contact flow found in the instance by name. */
public record ExistingFlow(String id, String arn, String name, String type) {
}
