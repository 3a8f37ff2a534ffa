package com.nomidio.connect.deployment.resources;

import com.nomidio.connect.flows.templates.UnresolvedPlaceholderException;
import com.nomidio.connect.flows.validation.InvalidFlowException;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns a failure into the Reason CloudFormation shows: what was being done, what went wrong, and what a
 * person can do about it. Never includes property values (the secret travels in them).
 */
public final class FailureReasons {

    /** CloudFormation caps the whole response body at 4 KB; the reason must leave room for the rest. */
    static final int MAX_REASON = 1000;

    private FailureReasons() {
    }

    public static String describe(Throwable failure, ResourceContext context) {
        Throwable cause = unwrap(failure);
        String reason = switch (cause) {
            case DeadlineExceededException e -> timedOut(e.context());
            case InvalidPropertiesException e -> "Invalid custom resource properties: " + e.getMessage() + ".";
            case OperationFailedException e -> e.getMessage();
            case InvalidFlowException e -> "A rendered contact flow failed validation (a template bug, not your input): "
                    + e.getMessage();
            case UnresolvedPlaceholderException e -> "A contact flow template could not be filled: " + e.getMessage() + ".";
            case AwsServiceException e -> "While " + context.currentStep() + ": " + service(e) + " answered "
                    + e.awsErrorDetails().errorCode() + " (HTTP " + e.statusCode() + "): "
                    + e.awsErrorDetails().errorMessage() + ". " + advice(e);
            case ApiCallTimeoutException e -> timedOut(context);
            case ApiCallAttemptTimeoutException e -> timedOut(context);
            case SdkClientException e -> "While " + context.currentStep() + ": could not complete the AWS call ("
                    + e.getMessage() + "). Retry the stack operation; the helper picks up where it stopped.";
            default -> "While " + context.currentStep() + ": unexpected " + cause.getClass().getSimpleName() + " ("
                    + cause.getMessage() + "). See the function's log stream for details.";
        };
        return truncate(reason);
    }

    /** Why the operation stopped early, and that a retry is safe. */
    public static String timedOut(ResourceContext context) {
        return truncate("Stopped while " + context.currentStep() + " to answer CloudFormation before the function's"
                + " timeout. Done so far: " + (context.doneSoFar().isEmpty() ? "nothing" : String.join(", ", context.doneSoFar()))
                + ". Retry the stack operation (every step is idempotent), or raise the deploymentHelper timeout.");
    }

    private static String advice(AwsServiceException e) {
        String code = e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
        String lower = code.toLowerCase(Locale.ROOT);
        if (e.isThrottlingException() || lower.contains("throttl") || lower.contains("toomanyrequests")
                || lower.contains("slowdown")) {
            return "AWS kept throttling after the SDK's retries: retry the stack operation in a few minutes.";
        }
        if (lower.startsWith("accessdenied") || lower.contains("unauthorized") || e.statusCode() == 403) {
            return "Check that deploymentHelperIAMRole allows this call on this resource"
                    + ("Kms".equalsIgnoreCase(service(e)) ? " and that the key policy lets IAM policies grant it." : ".");
        }
        return switch (code) {
            case "ResourceNotFoundException" -> "Check the Connect Instance Id parameter (an instance id or ARN in this"
                    + " stack's region) and that the named resources exist.";
            case "InvalidContactFlowException" -> "Amazon Connect rejected the flow content; report this with the"
                    + " problems above (the templates are validated offline, so this is a gap in that validation).";
            case "DuplicateResourceException" -> "A resource with this name already exists; retry the stack operation,"
                    + " the helper then finds it by name and updates it.";
            case "NoSuchBucket" -> "The bucket does not exist; check the BucketName and the s3Bucket resource.";
            case "NotFoundException", "DisabledException", "KMSInvalidStateException" ->
                    "Check that the KMS key exists and is enabled.";
            case "LimitExceededException", "ServiceQuotaExceededException" ->
                    "An Amazon Connect quota is reached; raise it or remove unused flows.";
            default -> "Retry the stack operation; if it fails again, see the function's log stream.";
        };
    }

    private static String service(AwsServiceException e) {
        String name = e.awsErrorDetails().serviceName();
        return name == null ? "AWS" : name;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof java.util.concurrent.ExecutionException
                || current instanceof java.util.concurrent.CompletionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** Cut to what fits a CloudFormation response. */
    public static String truncate(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }
}
