package com.nomidio.connect.domain;

/** The guide's "Fraud Flag Status". No flag is represented by null / an empty attribute. */
public enum FraudFlag {
    /** Nomidio has placed a fraud warning flag on this contact. */
    FRAUD_WARNING,
    /** This enterprise has marked the contact as suspected fraud. */
    SUSPECTED_FRAUD
}
