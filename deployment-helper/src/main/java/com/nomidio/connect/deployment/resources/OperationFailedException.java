package com.nomidio.connect.deployment.resources;

/**
 * An AWS service finished the work and reported that it failed (e.g. a Lex build with its failure reasons): the
 * message is the whole reason CloudFormation shows, naming what failed, why and what to do.
 */
public final class OperationFailedException extends RuntimeException {

    public OperationFailedException(String reason) {
        super(reason);
    }
}
