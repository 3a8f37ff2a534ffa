package com.nomidio.connect.deployment.softphone;

import com.nomidio.connect.deployment.resources.InvalidPropertiesException;
import com.nomidio.connect.deployment.resources.ResourceProperties;
import java.net.URI;

/**
 * The properties of {@code Custom::NomidioSoftphone}, checked.
 *
 * @param bucketName         the stack's bucket; the page goes under softphone/
 * @param distributionId     the CloudFront distribution serving softphone/, invalidated after an update
 * @param connectInstanceUrl the instance's URL, whose CCP the page embeds (https)
 * @param apiUrl             the agent API's base URL (https)
 * @param region             the instance's region
 */
public record SoftphoneProperties(String bucketName, String distributionId, String connectInstanceUrl, String apiUrl,
        String region) {

    static final String BUCKET_NAME = "BucketName";
    static final String DISTRIBUTION_ID = "DistributionId";
    static final String CONNECT_INSTANCE_URL = "ConnectInstanceUrl";
    static final String API_URL = "ApiUrl";
    static final String REGION = "Region";

    public static SoftphoneProperties from(ResourceProperties properties) {
        String region = properties.required(REGION, "pass the stack's region (!Ref AWS::Region)");
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new InvalidPropertiesException(REGION + " must be an AWS region such as eu-west-2");
        }
        String distribution = properties.required(DISTRIBUTION_ID, "pass the softphone distribution (!Ref softphoneDistribution)");
        if (!distribution.matches("[A-Z0-9]{1,64}")) {
            throw new InvalidPropertiesException(DISTRIBUTION_ID + " must be a CloudFront distribution id (capital letters and digits)");
        }
        return new SoftphoneProperties(
                properties.required(BUCKET_NAME, "pass the s3Bucket (!Ref s3Bucket)"),
                distribution,
                https(properties.required(CONNECT_INSTANCE_URL, "set the Connect Instance URL parameter"), CONNECT_INSTANCE_URL),
                https(properties.required(API_URL, "pass the agent API's URL"), API_URL),
                region);
    }

    /** The page calls these from the agent's browser: plain http, or something that is no URL, cannot work. */
    private static String https(String value, String name) {
        try {
            URI uri = URI.create(value);
            if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        throw new InvalidPropertiesException(name + " must be an https:// URL");
    }
}
