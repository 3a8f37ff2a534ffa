package com.nomidio.connect.deployment.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

/** Amazon CloudFront's REST-XML API (version 2020-05-31) on WireMock: CreateInvalidation, as the service answers it. */
public final class CloudFrontStubs {

    public static final String DISTRIBUTION_ID = "E2QWRUHEXAMPLE";
    public static final String INVALIDATION_ID = "I2J0I21PCUYOIK";

    private final WireMockServer server;

    public CloudFrontStubs(WireMockServer server) {
        this.server = server;
    }

    public static String invalidationPath(String distributionId) {
        return "/2020-05-31/distribution/" + distributionId + "/invalidation";
    }

    /** CreateInvalidation answers 201 Created with the invalidation (InProgress) and its Location. */
    public void acceptInvalidations(String distributionId) {
        server.stubFor(post(urlPathEqualTo(invalidationPath(distributionId))).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "text/xml")
                .withHeader("Location", "https://cloudfront.amazonaws.com" + invalidationPath(distributionId) + "/"
                        + INVALIDATION_ID)
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Invalidation xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"
                        + "<Id>" + INVALIDATION_ID + "</Id><Status>InProgress</Status>"
                        + "<CreateTime>2026-11-22T04:00:00.000Z</CreateTime>"
                        + "<InvalidationBatch><Paths><Quantity>1</Quantity><Items><Path>/softphone/*</Path></Items>"
                        + "</Paths><CallerReference>nomidio-softphone</CallerReference></InvalidationBatch>"
                        + "</Invalidation>")));
    }

    /** CreateInvalidation is refused (the role may not invalidate this distribution). */
    public void refuseInvalidations(String distributionId) {
        server.stubFor(post(urlPathEqualTo(invalidationPath(distributionId))).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/xml")
                .withBody("<?xml version=\"1.0\"?><ErrorResponse xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"
                        + "<Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized to "
                        + "perform: cloudfront:CreateInvalidation</Message></Error><RequestId>r-1</RequestId>"
                        + "</ErrorResponse>")));
    }
}
