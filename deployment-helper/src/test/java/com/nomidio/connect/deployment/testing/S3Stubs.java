package com.nomidio.connect.deployment.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;

/** Amazon S3's REST-XML API (path-style) on WireMock: put, list and delete under contact-flows/. */
public final class S3Stubs {

    public static final String BUCKET = "nomidio-flows-4f3a2b1c0d9e";

    private final WireMockServer server;

    public S3Stubs(WireMockServer server) {
        this.server = server;
    }

    public void acceptPuts(String bucket) {
        server.stubFor(put(urlPathMatching("/" + bucket + "/contact-flows/.*"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"9b2cf535f27731c974343645a3985328\"")));
    }

    /** ListObjectsV2 under contact-flows/ answers these keys. */
    public void listing(String bucket, List<String> keys) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Name>" + bucket + "</Name><Prefix>contact-flows/</Prefix><KeyCount>" + keys.size()
                + "</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>");
        for (String key : keys) {
            xml.append("<Contents><Key>").append(key).append("</Key><LastModified>2026-11-22T04:00:00.000Z</LastModified>")
                    .append("<ETag>\"9b2cf535f27731c974343645a3985328\"</ETag><Size>1024</Size>")
                    .append("<StorageClass>STANDARD</StorageClass></Contents>");
        }
        xml.append("</ListBucketResult>");
        server.stubFor(get(urlPathEqualTo("/" + bucket)).withQueryParam("list-type", equalTo("2"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(xml.toString())));
    }

    public void acceptDeletes(String bucket) {
        server.stubFor(delete(urlPathMatching("/" + bucket + "/contact-flows/.*")).willReturn(aResponse().withStatus(204)));
    }

    public void noSuchBucket(String bucket) {
        server.stubFor(get(urlPathEqualTo("/" + bucket)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchBucket</Code>"
                        + "<Message>The specified bucket does not exist</Message><BucketName>" + bucket
                        + "</BucketName></Error>")));
    }
}
