package com.nomidio.connect.deployment.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

/** Amazon S3's REST-XML API (path-style) on WireMock: put, list and delete under contact-flows/ and softphone/. */
public final class S3Stubs {

    public static final String BUCKET = "nomidio-flows-4f3a2b1c0d9e";

    private final WireMockServer server;

    public S3Stubs(WireMockServer server) {
        this.server = server;
    }

    public void acceptPuts(String bucket) {
        acceptPuts(bucket, "contact-flows/");
    }

    public void acceptPuts(String bucket, String prefix) {
        server.stubFor(put(urlPathMatching("/" + bucket + "/" + prefix + ".*"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"9b2cf535f27731c974343645a3985328\"")));
    }

    /** ListObjectsV2 under {@code prefix} answers these keys (one page, current objects only). */
    public void currentObjects(String bucket, String prefix, List<String> keys) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Name>" + bucket + "</Name><Prefix>" + prefix + "</Prefix><KeyCount>" + keys.size() + "</KeyCount>"
                + "<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>");
        for (String key : keys) {
            xml.append("<Contents><Key>").append(key).append("</Key>")
                    .append("<LastModified>2026-11-22T04:00:00.000Z</LastModified>")
                    .append("<ETag>\"9b2cf535f27731c974343645a3985328\"</ETag><Size>1024</Size>")
                    .append("<StorageClass>STANDARD</StorageClass></Contents>");
        }
        xml.append("</ListBucketResult>");
        server.stubFor(get(urlPathEqualTo("/" + bucket)).withQueryParam("list-type", equalTo("2"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(xml.toString())));
    }

    /**
     * ListObjectVersions under contact-flows/ answers these keys, each with a current version and an older one
     * (the bucket is versioned: every deploy wrote a new version of the same file).
     */
    public void listing(String bucket, List<String> keys) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ListVersionsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Name>" + bucket + "</Name><Prefix>contact-flows/</Prefix><KeyMarker></KeyMarker>"
                + "<VersionIdMarker></VersionIdMarker><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>");
        for (String key : keys) {
            for (String version : List.of("v2", "v1")) {
                xml.append("<Version><Key>").append(key).append("</Key><VersionId>").append(version)
                        .append("</VersionId><IsLatest>").append(version.equals("v2")).append("</IsLatest>")
                        .append("<LastModified>2026-11-22T04:00:00.000Z</LastModified>")
                        .append("<ETag>\"9b2cf535f27731c974343645a3985328\"</ETag><Size>1024</Size>")
                        .append("<StorageClass>STANDARD</StorageClass></Version>");
            }
        }
        xml.append("</ListVersionsResult>");
        server.stubFor(get(urlPathEqualTo("/" + bucket)).withQueryParam("versions", com.github.tomakehurst.wiremock.client.WireMock.matching(".*"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(xml.toString())));
    }

    public void acceptDeletes(String bucket) {
        acceptDeletes(bucket, "contact-flows/");
    }

    public void acceptDeletes(String bucket, String prefix) {
        server.stubFor(delete(urlPathMatching("/" + bucket + "/" + prefix + ".*")).willReturn(aResponse().withStatus(204)));
    }

    /**
     * The object bytes of a PutObject as S3 would store them. The SDK sends them {@code aws-chunked} with a
     * CRC32 trailer; this decodes the chunks and checks the trailer, so a test sees exactly what S3 keeps.
     */
    public static String decodedBody(LoggedRequest put) {
        byte[] raw = put.getBody();
        if (!"aws-chunked".equals(put.getHeader("Content-Encoding"))) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrlf(raw, at);
            String header = new String(raw, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";")[0], 16);
            at = lineEnd + 2;
            if (size == 0) {
                break;
            }
            data.write(raw, at, size);
            at += size + 2;
        }
        String trailers = new String(raw, at, raw.length - at, StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(data.toByteArray());
        byte[] crcBytes = java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
        String expected = "x-amz-checksum-crc32:" + Base64.getEncoder().encodeToString(crcBytes);
        if (!trailers.contains(expected)) {
            throw new AssertionError("the CRC32 trailer does not match the body: " + trailers.strip());
        }
        if (Long.parseLong(put.getHeader("x-amz-decoded-content-length")) != data.size()) {
            throw new AssertionError("x-amz-decoded-content-length does not match the body");
        }
        return data.toString(StandardCharsets.UTF_8);
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new AssertionError("malformed aws-chunked body");
    }

    public void noSuchBucket(String bucket) {
        server.stubFor(get(urlPathEqualTo("/" + bucket)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchBucket</Code>"
                        + "<Message>The specified bucket does not exist</Message><BucketName>" + bucket
                        + "</BucketName></Error>")));
    }
}
