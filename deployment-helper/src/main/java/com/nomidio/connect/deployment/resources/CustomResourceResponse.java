package com.nomidio.connect.deployment.resources;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a custom resource operation answers: the status, the physical id, the attributes {@code Fn::GetAtt} reads
 * (Data), whether CloudFormation must mask them (NoEcho) and, for a failure, the reason. The helper sends it to the
 * ResponseURL itself ({@code ResponseUrlSender}). {@link #toString()} never shows the data.
 */
public final class CustomResourceResponse {

    public enum Status { SUCCESS, FAILED }

    private final Status status;
    private final String physicalResourceId;
    private final Map<String, Object> data;
    private final boolean noEcho;
    private final String reason;

    private CustomResourceResponse(Builder builder) {
        this.status = builder.status;
        this.physicalResourceId = builder.physicalResourceId;
        this.data = builder.data == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.data));
        this.noEcho = builder.noEcho;
        this.reason = builder.reason;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static CustomResourceResponse success(String physicalResourceId) {
        return builder().status(Status.SUCCESS).physicalResourceId(physicalResourceId).build();
    }

    public Status getStatus() {
        return status;
    }

    public String getPhysicalResourceId() {
        return physicalResourceId;
    }

    /** The attributes, in the order given; null when there are none. */
    public Map<String, Object> data() {
        return data;
    }

    public boolean isNoEcho() {
        return noEcho;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String toString() {
        return "CustomResourceResponse[" + status + " " + physicalResourceId
                + (data == null ? "" : " data=" + data.keySet()) + (reason == null ? "" : " reason=" + reason) + "]";
    }

    public static final class Builder {
        private Status status = Status.SUCCESS;
        private String physicalResourceId;
        private Map<String, Object> data;
        private boolean noEcho;
        private String reason;

        public Builder status(Status status) {
            this.status = status;
            return this;
        }

        public Builder physicalResourceId(String physicalResourceId) {
            this.physicalResourceId = physicalResourceId;
            return this;
        }

        public Builder value(Map<String, ?> data) {
            this.data = new LinkedHashMap<>(data);
            return this;
        }

        public Builder noEcho(boolean noEcho) {
            this.noEcho = noEcho;
            return this;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public CustomResourceResponse build() {
            return new CustomResourceResponse(this);
        }
    }
}
