// What the panel says about each value: the guide's "Definition of Terms", in the agent's words. Keyed by the
// generated vocabulary's values (a test checks every status, flag, level and result has its text).
import { AuthLevel, ChallengeStatus, FraudFlag, NomidioStatus, VoiceAuthOutcome } from './generated/vocabulary.js';

export const STATUS_TEXT = Object.freeze({
    [NomidioStatus.IDENTIFICATION_FAILED]: 'The caller (chat) could not be identified.',
    [NomidioStatus.WITHHELD_NUMBER]: 'The caller withheld their phone number.',
    [NomidioStatus.NOT_FOUND]: 'No Nomidio ID, and the caller chose not to register now.',
    [NomidioStatus.ERROR]: 'A technical error occurred during authentication.',
    [NomidioStatus.NOMIDIO_UNAVAILABLE]: 'Nomidio could not be reached: authentication was skipped.',
    [NomidioStatus.INVITED]: 'The caller has an invitation to register for a Nomidio ID.',
    [NomidioStatus.PENDING]: 'The caller started registering for a Nomidio ID but has not finished.',
    [NomidioStatus.INVITATION_SENT]: 'The caller was sent an invitation SMS.',
    [NomidioStatus.OPTED_OUT]: 'The caller opted out of using their Nomidio ID with us.',
    [NomidioStatus.EXISTS]: 'The caller has a Nomidio ID but has not opted in or out with us yet.',
    [NomidioStatus.BLOCKED]: 'The caller is blocked by this enterprise.',
    [NomidioStatus.TAC_EXPIRED]: 'Enrolled, but the caller must accept Nomidio\'s new terms before using their ID.',
    [NomidioStatus.FREE_TRIAL_LIMIT]: 'The Nomidio free trial quota is used up.',
    [NomidioStatus.AWAITING_APPROVAL]: 'The caller consented to use their Nomidio ID and awaits enrolment.',
    [NomidioStatus.ENROLLED]: 'The caller is enrolled with this enterprise.',
    [NomidioStatus.TAC_WARN]: 'Enrolled; the caller has not accepted Nomidio\'s latest terms (still valid).',
});

export const FRAUD_TEXT = Object.freeze({
    [FraudFlag.FRAUD_WARNING]: 'Nomidio has placed a fraud warning on this caller.',
    [FraudFlag.SUSPECTED_FRAUD]: 'This enterprise has marked the caller as suspected fraud.',
});

export const LEVEL_TEXT = Object.freeze({
    [AuthLevel.STANDARD]: 'Standard (voice)',
    [AuthLevel.HIGH]: 'High (voice and face)',
});

export const RESULT_TEXT = Object.freeze({
    [ChallengeStatus.PENDING]: 'In progress',
    [ChallengeStatus.PASSED]: 'Passed',
    [ChallengeStatus.FAILED]: 'Failed',
    [ChallengeStatus.TIMEOUT]: 'Timed out',
});

export const VOICE_AUTH_TEXT = Object.freeze({
    [VoiceAuthOutcome.Authenticated]: 'Authenticated',
    [VoiceAuthOutcome.NotAuthenticated]: 'Not authenticated',
    [VoiceAuthOutcome.Inconclusive]: 'Inconclusive',
    [VoiceAuthOutcome.NotEnrolled]: 'Not enrolled',
    [VoiceAuthOutcome.OptedOut]: 'Opted out',
});

/** The agent API's actions (the contract's "action" values) and what the panel calls them. */
export const ACTION_TEXT = Object.freeze({
    CHALLENGE_HIGH: { label: 'High challenge', busy: 'Requesting a high challenge…', done: 'High challenge requested.' },
    CHALLENGE_STANDARD: { label: 'Standard challenge', busy: 'Requesting a standard challenge…', done: 'Standard challenge requested.' },
    BLOCK: { label: 'Block', busy: 'Blocking…', done: 'Caller blocked.' },
    UNBLOCK: { label: 'Unblock', busy: 'Unblocking…', done: 'Caller unblocked.' },
    SET_FRAUD: { label: 'Set fraud', busy: 'Setting the fraud flag…', done: 'Fraud flag set to SUSPECTED_FRAUD.' },
    CLEAR_FRAUD: { label: 'Clear fraud', busy: 'Clearing the fraud flag…', done: 'Fraud flag cleared.' },
    CONFIRM_FRAUD: { label: 'Confirm', busy: 'Confirming the fraud warning…', done: 'Fraud confirmed: SUSPECTED_FRAUD.' },
    ENROL: { label: 'Enrol', busy: 'Enrolling…', done: 'Caller enrolled.' },
});

/** What the agent API's error codes mean for the agent. */
export const ERROR_TEXT = Object.freeze({
    BAD_REQUEST: 'The softphone sent a request the agent API did not accept.',
    FORBIDDEN: 'Not allowed: this contact is not connected to you (any more).',
    NOT_ALLOWED: 'Not possible for this caller now.',
    PAYLOAD_TOO_LARGE: 'The request was too large.',
    NOMIDIO_UNAVAILABLE: 'Nomidio is unavailable right now: try again in a moment.',
    ERROR: 'The agent API failed: try again.',
    NETWORK: 'The agent API could not be reached: check your connection and try again.',
    NOT_READY: 'The softphone does not know who you are yet: wait for the phone to sign in.',
});

export const CONFIG_ERROR_TEXT = 'The softphone\'s config.json is missing or incomplete: redeploy the stack.';
