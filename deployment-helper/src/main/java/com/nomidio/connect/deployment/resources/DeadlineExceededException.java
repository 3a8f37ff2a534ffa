package com.nomidio.connect.deployment.resources;

/** The operation's time box is spent; raised between steps so the answer can still reach CloudFormation. */
public final class DeadlineExceededException extends RuntimeException {

    private final transient ResourceContext context;

    public DeadlineExceededException(ResourceContext context) {
        super("out of time before " + context.currentStep());
        this.context = context;
    }

    public ResourceContext context() {
        return context;
    }
}
