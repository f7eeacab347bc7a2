import {
  ALL_COMPLAINANT_STATUSES,
  ALL_COMPLAINT_OUTCOMES,
  ALL_ESCALATION_STEP_KINDS,
  ALL_FEEDBACK_KINDS,
  ALL_FEEDBACK_STATUSES,
  ALL_FFT_RATINGS,
  ALL_PATIENT_AGE_BANDS,
  ALL_RETENTION_DECISIONS,
  ALL_SENTIMENTS,
  ALL_STAFF_GROUPS,
  ALL_SUBJECT_AREAS,
  londonDateOf,
} from '@parley/shared/domain';
import { CHANNEL_KINDS } from '@parley/shared/policy-render';
import { DEMO, DEMO_PASSWORD, type GqlOptions, type TestApp } from '../support/test-app';
import type { FieldKind } from './hostile';

/** Ids and tokens the cases start from: valid rows of Wilmslow, made once per file. */
export interface Fixtures {
  wilmslowId: string;
  icbId: string;
  channelId: string;
  spareChannelId: string;
  channelIds: string[];
  /** Open complaints, one per case that moves or edits one. */
  complaints: Record<'update' | 'transition' | 'resolve' | 'waive' | 'delay', string>;
  pastRetentionId: string;
  incidentId: string;
  linkedIncidentId: string;
  patientId: string;
  publishedVersionId: string;
  draftId: string;
  invitationId: string;
  invitationToken: string;
  staffUserId: string;
  today: string;
}

/** Who calls: taken from the operation's declared permission. */
export type Caller = 'manager' | 'admin' | 'auditor' | 'anonymous';

/**
 * One GraphQL operation under attack: its document, valid variables, and the fields to break
 * (dotted paths into the variables). An operation without arguments lists none: it is sent
 * unknown arguments instead.
 */
export interface OperationCase {
  query: string;
  base: (f: Fixtures) => Record<string, unknown>;
  fields: Record<string, FieldKind>;
  /** Tables a refused call may still write to, and why (e.g. failed sign-ins count towards a lock). */
  refusalMayWrite?: string[];
}

/** GraphQL names of the severities (the shared constants are their numeric levels). */
const SEVERITIES = ['low', 'offensive', 'abusive', 'threatening'];

const e = (values: readonly string[]): FieldKind => ({ enum: values });
const list = (of: FieldKind): FieldKind => ({ list: of });

const CODING: Record<string, FieldKind> = {
  'input.coding': 'object',
  'input.coding.subjectAreas': list(e(ALL_SUBJECT_AREAS)),
  'input.coding.subjectAreas.0': e(ALL_SUBJECT_AREAS),
  'input.coding.staffGroups': list(e(ALL_STAFF_GROUPS)),
  'input.coding.complainantStatus': e(ALL_COMPLAINANT_STATUSES),
  'input.coding.ageBand': e(ALL_PATIENT_AGE_BANDS),
};

const complaint = (f: Fixtures) => ({
  channelId: f.channelId,
  receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
  kind: 'complaint',
  sentiment: 'negative',
  summary: 'Hostile-input suite: a complaint.',
  oral: false,
  eventOn: f.today,
  coding: {
    subjectAreas: ['clinical'],
    staffGroups: ['gp'],
    complainantStatus: 'patient',
    ageBand: 'age_16_64',
  },
  contact: { name: 'Pat Example', email: 'pat@example.com', phone: '01625 123456' },
});

const settings = {
  ladder: [
    { kind: 'invite_discussion', trigger: { minSeverity: 'offensive' } },
    {
      kind: 'formal_warning',
      trigger: { minSeverity: 'abusive', incidentCount: 2, withinDays: 90 },
    },
  ],
  removalRules: {
    warningValidMonths: 12,
    writtenConfirmationDays: 7,
    allowRemovalWithoutWarningWhenUnsafe: true,
  },
  clocks: {
    ackWorkingDays: 3,
    responseTargetWorkingDays: 20,
    delayLetterMonths: 6,
    timeLimitMonths: 12,
  },
  volumeAlert: { count: 5, withinDays: 7, of: 'negative' },
  note: 'Hostile-input suite',
};

const policyDocument = {
  title: 'Social media policy of {{practiceName}}',
  blocks: [
    { type: 'paragraph', text: 'Please bring concerns to us.' },
    { type: 'channelList', intro: 'You can reach us:' },
  ],
};

/**
 * Every mutation and every query that takes arguments, keyed `Mutation.x` / `Query.x`. The suite fails for a
 * mutation missing here: new mutations join by declaration.
 */
export const OPERATION_CASES: Record<string, OperationCase> = {
  // Sign-in and invitations
  'Mutation.login': {
    query:
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { expiresIn } }',
    base: () => ({ email: DEMO.wilmslowStaff, password: DEMO_PASSWORD }),
    fields: { email: 'email', password: 'text' },
    // A wrong password counts towards locking the account: that write is the point.
    refusalMayWrite: ['public.users'],
  },
  'Mutation.refresh': {
    query:
      'mutation ($refreshToken: String!) { refresh(refreshToken: $refreshToken) { expiresIn } }',
    base: () => ({ refreshToken: 'x'.repeat(40) }),
    fields: { refreshToken: 'text' },
  },
  'Mutation.logout': {
    query: 'mutation ($refreshToken: String!) { logout(refreshToken: $refreshToken) }',
    base: () => ({ refreshToken: 'x'.repeat(40) }),
    fields: { refreshToken: 'text' },
  },
  'Mutation.acceptInvitation': {
    query:
      'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { expiresIn } }',
    base: (f) => ({
      input: {
        token: f.invitationToken,
        password: 'a long enough password 123',
        name: 'Hostile Invitee',
      },
    }),
    fields: {
      input: 'object',
      'input.token': 'text',
      'input.password': 'text',
      'input.name': 'text',
    },
  },
  'Query.invitation': {
    query: 'query ($token: String!) { invitation(token: $token) { email } }',
    base: (f) => ({ token: f.invitationToken }),
    fields: { token: 'text' },
  },
  'Mutation.invite': {
    query: 'mutation ($input: InviteInput!) { invite(input: $input) { invitation { id } } }',
    base: () => ({
      input: { email: 'hostile-invite@example.com', name: 'Hostile Invite', role: 'PracticeStaff' },
    }),
    fields: {
      input: 'object',
      'input.email': 'email',
      'input.name': 'text',
      'input.role': e(['PracticeStaff', 'PracticeManager', 'IcbAuditor', 'PlatformAdmin']),
    },
  },
  'Mutation.revokeInvitation': {
    query: 'mutation ($id: ID!) { revokeInvitation(id: $id) }',
    base: (f) => ({ id: f.invitationId }),
    fields: { id: 'id' },
  },
  'Mutation.removePerson': {
    query: 'mutation ($userId: ID!) { removePerson(userId: $userId) }',
    base: (f) => ({ userId: f.staffUserId }),
    fields: { userId: 'id' },
  },

  // Platform
  'Mutation.createIcb': {
    query: 'mutation ($input: CreateIcbInput!) { createIcb(input: $input) { id } }',
    base: () => ({ input: { name: 'NHS Hostile ICB', slug: 'hostile-icb' } }),
    fields: { input: 'object', 'input.name': 'text', 'input.slug': 'text' },
  },
  'Mutation.createPractice': {
    query: 'mutation ($input: CreatePracticeInput!) { createPractice(input: $input) { id } }',
    base: (f) => ({
      input: {
        icbId: f.icbId,
        name: 'Hostile Practice',
        slug: 'hostile-practice',
        listSize: 5000,
        odsCode: 'H90001',
      },
    }),
    fields: {
      input: 'object',
      'input.icbId': 'id',
      'input.name': 'text',
      'input.slug': 'text',
      'input.listSize': 'int',
      'input.odsCode': 'text',
    },
  },
  'Mutation.invitePracticeManager': {
    query:
      'mutation ($practiceId: ID!, $email: String!, $name: String!) { invitePracticeManager(practiceId: $practiceId, email: $email, name: $name) { emailed } }',
    base: (f) => ({
      practiceId: f.wilmslowId,
      email: 'hostile-pm@example.com',
      name: 'Hostile Manager',
    }),
    fields: { practiceId: 'id', email: 'email', name: 'text' },
  },
  'Mutation.addBankHoliday': {
    query:
      'mutation ($date: String!, $name: String!) { addBankHoliday(date: $date, name: $name) { date } }',
    base: () => ({ date: '2031-06-03', name: 'Hostile holiday' }),
    fields: { date: 'day', name: 'text' },
  },
  'Mutation.runAlertSweep': {
    query: 'mutation { runAlertSweep { practicesSwept } }',
    base: () => ({}),
    fields: {},
  },
  'Mutation.setIcbThresholds': {
    query: 'mutation ($input: IcbThresholdsInput!) { setIcbThresholds(input: $input) { icbId } }',
    base: (f) => ({
      input: { icbId: f.icbId, maxComplaintsPer1000PerYear: 12.5, minAckWithin3DaysPercent: 80 },
    }),
    fields: {
      input: 'object',
      'input.icbId': 'id',
      'input.maxComplaintsPer1000PerYear': 'float',
      'input.minAckWithin3DaysPercent': 'float',
    },
  },

  // Channels
  'Mutation.createChannel': {
    query: 'mutation ($input: CreateChannelInput!) { createChannel(input: $input) { id } }',
    base: () => ({
      input: {
        kind: 'email',
        label: 'Hostile email',
        policyText: 'Email us.',
        address: 'hostile@example.com',
        instructions: 'Write.',
      },
    }),
    fields: {
      input: 'object',
      'input.kind': e(CHANNEL_KINDS),
      'input.label': 'text',
      'input.policyText': 'text',
      'input.instructions': 'text',
      'input.address': 'text',
      'input.enabled': 'bool',
      'input.showInPolicy': 'bool',
    },
  },
  'Mutation.updateChannel': {
    query:
      'mutation ($id: ID!, $input: UpdateChannelInput!) { updateChannel(id: $id, input: $input) { id } }',
    base: (f) => ({
      id: f.spareChannelId,
      input: { label: 'Hostile renamed', address: 'https://example.com/contact' },
    }),
    fields: {
      id: 'id',
      input: 'object',
      'input.kind': e(CHANNEL_KINDS),
      'input.label': 'text',
      'input.policyText': 'text',
      'input.instructions': 'text',
      'input.address': 'text',
      'input.enabled': 'bool',
    },
  },
  'Mutation.deleteChannel': {
    query: 'mutation ($id: ID!) { deleteChannel(id: $id) }',
    base: (f) => ({ id: f.spareChannelId }),
    fields: { id: 'id' },
  },
  'Mutation.reorderChannels': {
    query: 'mutation ($ids: [ID!]!) { reorderChannels(ids: $ids) { id } }',
    base: (f) => ({ ids: f.channelIds }),
    fields: { ids: list('id'), 'ids.0': 'id' },
  },

  // Policy
  'Mutation.saveDraft': {
    query: 'mutation ($input: SaveDraftInput!) { saveDraft(input: $input) { id } }',
    base: (f) => ({ input: { document: policyDocument, effectiveDate: f.today } }),
    fields: {
      input: 'object',
      'input.effectiveDate': 'day',
      'input.document': 'object',
      'input.document.title': 'text',
      'input.document.blocks': list('object'),
      'input.document.blocks.0.type': e([
        'paragraph',
        'heading',
        'numberedList',
        'channelList',
        'escalationSteps',
        'signOff',
      ]),
      'input.document.blocks.0.text': 'text',
      'input.document.blocks.0.items': list('text'),
      'input.document.blocks.1.intro': 'text',
    },
  },
  'Mutation.startDraftFrom': {
    query: 'mutation ($versionId: ID!) { startDraftFrom(versionId: $versionId) { id } }',
    base: (f) => ({ versionId: f.publishedVersionId }),
    fields: { versionId: 'id' },
  },
  'Mutation.publishDraft': {
    query:
      'mutation ($expectedDraftId: ID!) { publishDraft(expectedDraftId: $expectedDraftId) { id } }',
    base: (f) => ({ expectedDraftId: f.draftId }),
    fields: { expectedDraftId: 'id' },
  },
  'Mutation.discardDraft': {
    query: 'mutation { discardDraft }',
    base: () => ({}),
    fields: {},
  },
  'Query.publicPolicy': {
    query:
      'query ($practiceSlug: String!) { publicPolicy(practiceSlug: $practiceSlug) { version } }',
    base: () => ({ practiceSlug: 'wilmslow-health-centre' }),
    fields: { practiceSlug: 'text' },
  },

  // Escalation
  'Mutation.saveEscalationSettings': {
    query:
      'mutation ($input: SaveEscalationSettingsInput!) { saveEscalationSettings(input: $input) { version } }',
    base: () => ({ input: settings }),
    fields: {
      input: 'object',
      'input.ladder': list('object'),
      'input.ladder.0.kind': e(ALL_ESCALATION_STEP_KINDS),
      'input.ladder.1.trigger': 'object',
      'input.ladder.1.trigger.minSeverity': e(SEVERITIES),
      'input.ladder.1.trigger.incidentCount': 'int',
      'input.ladder.1.trigger.withinDays': 'int',
      'input.removalRules.warningValidMonths': 'int',
      'input.removalRules.writtenConfirmationDays': 'int',
      'input.removalRules.allowRemovalWithoutWarningWhenUnsafe': 'bool',
      'input.clocks': 'object',
      'input.clocks.ackWorkingDays': 'int',
      'input.clocks.responseTargetWorkingDays': 'int',
      'input.clocks.delayLetterMonths': 'int',
      'input.clocks.timeLimitMonths': 'int',
      'input.volumeAlert.count': 'int',
      'input.volumeAlert.withinDays': 'int',
      'input.volumeAlert.of': e(['negative', 'complaints']),
      'input.note': 'text',
      'input.basedOnVersion': 'int',
    },
  },

  // Feedback log
  'Mutation.logFeedback': {
    query: 'mutation ($input: LogFeedbackInput!) { logFeedback(input: $input) { id } }',
    base: (f) => ({ input: complaint(f) }),
    fields: {
      input: 'object',
      'input.channelId': 'id',
      'input.receivedAt': 'instant',
      'input.kind': e(ALL_FEEDBACK_KINDS),
      'input.sentiment': e(ALL_SENTIMENTS),
      'input.summary': 'text',
      'input.oral': 'bool',
      'input.eventOn': 'day',
      'input.awareOn': 'day',
      'input.timeLimitWaivedBecause': 'text',
      'input.contact': 'object',
      'input.contact.name': 'text',
      'input.contact.email': 'email',
      'input.contact.phone': 'phone',
      ...CODING,
    },
  },
  'Mutation.updateFeedback': {
    query:
      'mutation ($id: ID!, $input: UpdateFeedbackInput!) { updateFeedback(id: $id, input: $input) { id } }',
    base: (f) => ({
      id: f.complaints.update,
      input: { summary: 'Hostile-input suite: triaged.', sentiment: 'negative' },
    }),
    fields: {
      id: 'id',
      input: 'object',
      'input.channelId': 'id',
      'input.kind': e(ALL_FEEDBACK_KINDS),
      'input.sentiment': e(ALL_SENTIMENTS),
      'input.summary': 'text',
      'input.oral': 'bool',
      'input.eventOn': 'day',
      'input.awareOn': 'day',
      ...CODING,
    },
  },
  'Mutation.transitionFeedback': {
    query:
      'mutation ($id: ID!, $to: FeedbackStatus!, $note: String, $effectiveOn: String, $outcome: ComplaintOutcome, $phsoInformed: Boolean) { transitionFeedback(id: $id, to: $to, note: $note, effectiveOn: $effectiveOn, outcome: $outcome, phsoInformed: $phsoInformed) { id } }',
    base: (f) => ({
      id: f.complaints.transition,
      to: 'acknowledged',
      note: 'Acknowledged by letter.',
      effectiveOn: f.today,
    }),
    fields: {
      id: 'id',
      to: e(ALL_FEEDBACK_STATUSES),
      note: 'text',
      effectiveOn: 'day',
      outcome: e(ALL_COMPLAINT_OUTCOMES),
      phsoInformed: 'bool',
    },
  },
  'Mutation.markResolvedNextWorkingDay': {
    query:
      'mutation ($id: ID!, $resolvedOn: String, $note: String) { markResolvedNextWorkingDay(id: $id, resolvedOn: $resolvedOn, note: $note) { id } }',
    base: (f) => ({ id: f.complaints.resolve, resolvedOn: f.today, note: 'Sorted at the desk.' }),
    fields: { id: 'id', resolvedOn: 'day', note: 'text' },
  },
  'Mutation.waiveTimeLimit': {
    query:
      'mutation ($id: ID!, $because: String!) { waiveTimeLimit(id: $id, because: $because) { id } }',
    base: (f) => ({ id: f.complaints.waive, because: 'Bereavement delayed the complaint.' }),
    fields: { id: 'id', because: 'text' },
  },
  'Mutation.recordDelayLetter': {
    query:
      'mutation ($id: ID!, $sentOn: String) { recordDelayLetter(id: $id, sentOn: $sentOn) { id } }',
    base: (f) => ({ id: f.complaints.delay, sentOn: f.today }),
    fields: { id: 'id', sentOn: 'day' },
  },
  'Mutation.importComplaintsCsv': {
    query:
      'mutation ($csv: String!) { importComplaintsCsv(csv: $csv) { imported problems { row field message } } }',
    base: () => ({
      csv: 'received_on,channel,summary\n2025-01-06,Hostile letters,Imported by the hostile-input suite\n',
    }),
    fields: { csv: 'text' },
  },
  'Mutation.recordFftResponse': {
    query: 'mutation ($input: RecordFftResponseInput!) { recordFftResponse(input: $input) { id } }',
    base: (f) => ({ input: { rating: 'good', comment: 'Fine.', respondedOn: f.today } }),
    fields: {
      input: 'object',
      'input.rating': e(ALL_FFT_RATINGS),
      'input.comment': 'text',
      'input.respondedOn': 'day',
    },
  },
  'Mutation.submitPublicFeedback': {
    query:
      'mutation ($practiceSlug: String!, $input: PublicFeedbackInput!, $idempotencyKey: String) { submitPublicFeedback(practiceSlug: $practiceSlug, input: $input, idempotencyKey: $idempotencyKey) { reference } }',
    base: () => ({
      practiceSlug: 'wilmslow-health-centre',
      input: {
        message: 'Hostile-input suite: online form.',
        name: 'Pat',
        email: 'pat@example.com',
        phone: '01625 123456',
        kind: 'suggestion',
      },
      idempotencyKey: 'hostile-suite-key',
    }),
    fields: {
      practiceSlug: 'text',
      input: 'object',
      'input.message': 'text',
      'input.name': 'text',
      'input.email': 'email',
      'input.phone': 'phone',
      'input.kind': e(ALL_FEEDBACK_KINDS),
      'input.website': 'text',
      idempotencyKey: 'text',
    },
  },
  'Mutation.saveRetentionSettings': {
    query:
      'mutation ($input: RetentionSettingsInput!) { saveRetentionSettings(input: $input) { retentionYears } }',
    base: () => ({ input: { retentionYears: 12 } }),
    fields: { input: 'object', 'input.retentionYears': 'int' },
  },
  'Mutation.recordRetentionReview': {
    query:
      'mutation ($input: RecordRetentionReviewInput!) { recordRetentionReview(input: $input) { feedbackId } }',
    base: (f) => ({
      input: {
        feedbackId: f.pastRetentionId,
        decision: 'keep',
        keepYears: 2,
        reason: 'Claim pending.',
      },
    }),
    fields: {
      input: 'object',
      'input.feedbackId': 'id',
      'input.decision': e(ALL_RETENTION_DECISIONS),
      'input.keepYears': 'int',
      'input.reason': 'text',
    },
  },

  // Incidents
  'Mutation.logIncident': {
    query: 'mutation ($input: LogIncidentInput!) { logIncident(input: $input) { id } }',
    base: (f) => ({
      input: {
        platform: 'facebook',
        link: 'https://www.facebook.com/groups/local/posts/9',
        seenAt: new Date(Date.now() - 60_000).toISOString(),
        reportedBy: 'Reception',
        summary: 'Hostile-input suite: a post.',
        severity: 'offensive',
        patientId: f.patientId,
        staffNamed: false,
      },
    }),
    fields: {
      input: 'object',
      'input.platform': e([
        'facebook',
        'x',
        'instagram',
        'tiktok',
        'nextdoor',
        'whatsapp',
        'google_reviews',
        'other',
      ]),
      'input.link': 'text',
      'input.seenAt': 'instant',
      'input.reportedBy': 'text',
      'input.summary': 'text',
      'input.severity': e(SEVERITIES),
      'input.patientId': 'id',
      'input.staffNamed': 'bool',
    },
  },
  'Mutation.addIncidentPatient': {
    query:
      'mutation ($input: AddIncidentPatientInput!) { addIncidentPatient(input: $input) { id } }',
    base: () => ({ input: { label: 'P-HOSTILE' } }),
    fields: { input: 'object', 'input.label': 'text' },
  },
  'Mutation.linkIncidentPatient': {
    query:
      'mutation ($incidentId: ID!, $patientId: ID!) { linkIncidentPatient(incidentId: $incidentId, patientId: $patientId) { id } }',
    base: (f) => ({ incidentId: f.incidentId, patientId: f.patientId }),
    fields: { incidentId: 'id', patientId: 'id' },
  },
  'Mutation.recordLadderStep': {
    query:
      'mutation ($input: RecordLadderStepInput!) { recordLadderStep(input: $input) { action { id } } }',
    base: (f) => ({
      input: {
        incidentId: f.incidentId,
        kind: 'invite_discussion',
        takenOn: f.today,
        notes: 'Invited.',
      },
    }),
    fields: {
      input: 'object',
      'input.incidentId': 'id',
      'input.kind': e(ALL_ESCALATION_STEP_KINDS),
      'input.takenOn': 'day',
      'input.notes': 'text',
    },
  },
  'Mutation.recordWarning': {
    query:
      'mutation ($input: RecordWarningInput!) { recordWarning(input: $input) { action { id } } }',
    base: (f) => ({
      input: {
        incidentId: f.linkedIncidentId,
        givenOn: f.today,
        reasons: 'Abusive posts.',
        notes: 'By letter.',
      },
    }),
    fields: {
      input: 'object',
      'input.incidentId': 'id',
      'input.givenOn': 'day',
      'input.reasons': 'text',
      'input.notes': 'text',
    },
  },
  'Mutation.requestRemoval': {
    query:
      'mutation ($input: RequestRemovalInput!) { requestRemoval(input: $input) { action { id } } }',
    base: (f) => ({
      input: {
        incidentId: f.linkedIncidentId,
        requestedOn: f.today,
        immediate: true,
        policeIncidentReference: 'CC-2025-0001',
        reasons: 'Threats at reception, reported to the police.',
        notBecauseOfComplaint: true,
        notes: 'Hostile-input suite.',
      },
    }),
    fields: {
      input: 'object',
      'input.incidentId': 'id',
      'input.requestedOn': 'day',
      'input.immediate': 'bool',
      'input.policeIncidentReference': 'text',
      'input.reasons': 'text',
      'input.noWarningBecause': 'text',
      'input.notBecauseOfComplaint': 'bool',
      'input.notes': 'text',
    },
  },

  // Alerts
  'Mutation.acknowledgeAlert': {
    query: 'mutation ($id: ID!) { acknowledgeAlert(id: $id) { id } }',
    base: () => ({ id: '5b0d5e0e-0000-4000-8000-000000000001' }),
    fields: { id: 'id' },
  },
  // Queries with arguments: reads must refuse bad input as cleanly as writes.
  'Query.feedbackItems': {
    query:
      'query ($filter: FeedbackFilter, $first: Int!, $after: String) { feedbackItems(filter: $filter, first: $first, after: $after) { totalCount } }',
    base: () => ({
      filter: { status: 'received', kind: 'complaint', overdue: false, search: 'pat' },
      first: 5,
      after: Buffer.from(
        JSON.stringify(['2025-01-01T00:00:00.000Z', '5b0d5e0e-0000-4000-8000-000000000001']),
      ).toString('base64url'),
    }),
    fields: {
      filter: 'object',
      'filter.status': e(ALL_FEEDBACK_STATUSES),
      'filter.kind': e(ALL_FEEDBACK_KINDS),
      'filter.channelId': 'id',
      'filter.overdue': 'bool',
      'filter.search': 'text',
      first: 'int',
      after: 'cursor',
    },
  },
  'Query.feedbackItem': {
    query: 'query ($id: ID!) { feedbackItem(id: $id) { id } }',
    base: (f) => ({ id: f.complaints.update }),
    fields: { id: 'id' },
  },
  'Query.fftMonthlyCounts': {
    query:
      'query ($from: String!, $to: String!) { fftMonthlyCounts(from: $from, to: $to) { month } }',
    base: () => ({ from: '2024-01', to: '2024-12' }),
    fields: { from: 'month', to: 'month' },
  },
  'Query.fftResponses': {
    query: 'query ($month: String!) { fftResponses(month: $month) { id } }',
    base: () => ({ month: '2024-02' }),
    fields: { month: 'month' },
  },
  'Query.bankHolidays': {
    query: 'query ($year: Int) { bankHolidays(year: $year) { date } }',
    base: () => ({ year: 2025 }),
    fields: { year: 'int' },
  },
  'Query.alerts': {
    query:
      'query ($status: AlertStatus, $limit: Int) { alerts(status: $status, limit: $limit) { id } }',
    base: () => ({ status: 'open', limit: 10 }),
    fields: { status: e(['open', 'acknowledged']), limit: 'int' },
  },
  'Query.incidents': {
    query:
      'query ($patientId: ID, $minSeverity: IncidentSeverity, $limit: Int) { incidents(patientId: $patientId, minSeverity: $minSeverity, limit: $limit) { id } }',
    base: (f) => ({ patientId: f.patientId, minSeverity: 'offensive', limit: 10 }),
    fields: { patientId: 'id', minSeverity: e(SEVERITIES), limit: 'int' },
  },
  'Query.incident': {
    query: 'query ($id: ID!) { incident(id: $id) { id } }',
    base: (f) => ({ id: f.incidentId }),
    fields: { id: 'id' },
  },
  'Query.checkRemoval': {
    query:
      'query ($incidentId: ID!, $requestedOn: String!, $immediate: Boolean!, $policeIncidentReference: String, $noWarningBecause: String) { checkRemoval(incidentId: $incidentId, requestedOn: $requestedOn, immediate: $immediate, policeIncidentReference: $policeIncidentReference, noWarningBecause: $noWarningBecause) { allowed } }',
    base: (f) => ({
      incidentId: f.linkedIncidentId,
      requestedOn: f.today,
      immediate: false,
      noWarningBecause: 'Unsafe.',
    }),
    fields: {
      incidentId: 'id',
      requestedOn: 'day',
      immediate: 'bool',
      policeIncidentReference: 'text',
      noWarningBecause: 'text',
    },
  },
  'Query.policyVersion': {
    query: 'query ($id: ID!) { policyVersion(id: $id) { id } }',
    base: (f) => ({ id: f.publishedVersionId }),
    fields: { id: 'id' },
  },
  'Query.policyDiff': {
    query:
      'query ($fromId: ID!, $toId: ID!) { policyDiff(fromId: $fromId, toId: $toId) { toVersionNumber } }',
    base: (f) => ({ fromId: f.publishedVersionId, toId: f.draftId }),
    fields: { fromId: 'id', toId: 'id' },
  },
  'Query.policyPreview': {
    query:
      'query ($document: PolicyDocumentInput!, $effectiveDate: String!) { policyPreview(document: $document, effectiveDate: $effectiveDate) { title } }',
    base: (f) => ({ document: policyDocument, effectiveDate: f.today }),
    fields: {
      effectiveDate: 'day',
      document: 'object',
      'document.title': 'text',
      'document.blocks': list('object'),
      'document.blocks.0.type': e([
        'paragraph',
        'heading',
        'numberedList',
        'channelList',
        'escalationSteps',
        'signOff',
      ]),
      'document.blocks.0.text': 'text',
      'document.blocks.0.items': list('text'),
    },
  },
  'Query.practices': {
    query: 'query ($icbId: ID) { practices(icbId: $icbId) { id } }',
    base: (f) => ({ icbId: f.icbId }),
    fields: { icbId: 'id' },
  },
  'Query.insightsTrends': {
    query:
      'query ($icbId: ID!, $period: InsightsPeriod!, $from: String!, $to: String!, $practiceId: ID) { insightsTrends(icbId: $icbId, period: $period, from: $from, to: $to, practiceId: $practiceId) { fromMonth } }',
    base: (f) => ({
      icbId: f.icbId,
      period: 'QUARTER',
      from: '2024-04-01',
      to: '2025-03-31',
      practiceId: f.wilmslowId,
    }),
    fields: {
      icbId: 'id',
      period: e(['MONTH', 'QUARTER', 'FINANCIAL_YEAR']),
      from: 'day',
      to: 'day',
      practiceId: 'id',
    },
  },
  'Query.insightsPolicyOverview': {
    query: 'query ($icbId: ID!) { insightsPolicyOverview(icbId: $icbId) { versionNumber } }',
    base: (f) => ({ icbId: f.icbId }),
    fields: { icbId: 'id' },
  },
  'Query.ko41bReturn': {
    query:
      'query ($icbId: ID!, $financialYear: String!, $practiceId: ID) { ko41bReturn(icbId: $icbId, financialYear: $financialYear, practiceId: $practiceId) { financialYear } }',
    base: (f) => ({ icbId: f.icbId, financialYear: '2024-25', practiceId: f.wilmslowId }),
    fields: { icbId: 'id', financialYear: 'text', practiceId: 'id' },
  },
  'Query.retentionReview': {
    query:
      'query ($onlyDue: Boolean, $first: Int, $after: String) { retentionReview(onlyDue: $onlyDue, first: $first, after: $after) { totalCount } }',
    base: () => ({
      onlyDue: true,
      first: 5,
      after: Buffer.from(
        JSON.stringify(['2014-01-01', '5b0d5e0e-0000-4000-8000-000000000001']),
      ).toString('base64url'),
    }),
    fields: { onlyDue: 'bool', first: 'int', after: 'cursor' },
  },
};

/** Builds the fixtures through the API, as the practice's manager (and the platform admin). */
export async function prepareFixtures(
  t: TestApp,
  as: Record<Caller, GqlOptions>,
): Promise<Fixtures> {
  const manager = as.manager;
  const ok = <T>(query: string, variables: Record<string, unknown> = {}, who = manager) =>
    t.gqlOk<T>(query, variables, who);
  const today = londonDateOf(new Date());
  const wilmslowId = manager.practiceId as string;
  const icbId = (
    await t.db.run({ tenantPracticeId: null }, (uow) =>
      uow.query<{ icb_id: string }>('SELECT icb_id FROM practices WHERE id = $1', [wilmslowId]),
    )
  )[0].icb_id;

  const channel = async (kind: string, label: string, address?: string) =>
    (
      await ok<{ createChannel: { id: string } }>(
        'mutation ($input: CreateChannelInput!) { createChannel(input: $input) { id } }',
        { input: { kind, label, policyText: `${label}.`, address } },
      )
    ).createChannel.id;
  const channelId = await channel('letter_box', 'Hostile letters');
  const spareChannelId = await channel(
    'nhs_website',
    'Hostile reviews',
    'https://www.nhs.uk/services/gp-surgery/x',
  );
  await channel('online_form', 'Hostile online form');
  const channelIds = (await ok<{ channels: { id: string }[] }>('{ channels { id } }')).channels.map(
    (c) => c.id,
  );

  const log = async (overrides: Record<string, unknown> = {}) =>
    (
      await ok<{ logFeedback: { id: string } }>(
        'mutation ($input: LogFeedbackInput!) { logFeedback(input: $input) { id } }',
        { input: { ...complaint({ channelId, today } as Fixtures), ...overrides } },
      )
    ).logFeedback.id;
  const lastYear = Number(today.slice(0, 4)) - 2;
  const complaints = {
    update: await log(),
    transition: await log(),
    resolve: await log({ oral: true }),
    waive: await log({ eventOn: `${lastYear}-01-15` }),
    delay: await log(),
  };

  const old = Number(today.slice(0, 4)) - 12;
  await ok('mutation ($csv: String!) { importComplaintsCsv(csv: $csv) { imported } }', {
    csv: [
      'received_on,channel,summary,kind,status,subject_areas,complainant_status,age_band,acknowledged_on,responded_on,closed_on,outcome,phso_informed',
      `${old}-03-02,Hostile letters,Hostile-input suite: past retention,complaint,closed,clinical,patient,unknown,${old}-03-03,${old}-04-01,${old}-04-02,upheld,yes`,
    ].join('\n'),
  });
  const pastRetentionId = (
    await t.db.run({ tenantPracticeId: wilmslowId }, (uow) =>
      uow.query<{ id: string }>(
        `SELECT feedback_id AS id FROM feedback_texts WHERE practice_id = $1 AND summary = 'Hostile-input suite: past retention'`,
        [wilmslowId],
      ),
    )
  )[0].id;

  const patientId = (
    await ok<{ addIncidentPatient: { id: string } }>(
      'mutation { addIncidentPatient(input: { label: "P-HOSTILE-1" }) { id } }',
    )
  ).addIncidentPatient.id;
  const incident = async (patient: string | null) =>
    (
      await ok<{ logIncident: { id: string } }>(
        'mutation ($input: LogIncidentInput!) { logIncident(input: $input) { id } }',
        {
          input: {
            platform: 'facebook',
            link: 'https://www.facebook.com/groups/local/posts/1',
            seenAt: new Date(Date.now() - 120_000).toISOString(),
            reportedBy: 'Reception',
            summary: 'Hostile-input suite: an abusive post.',
            severity: 'threatening',
            patientId: patient,
          },
        },
      )
    ).logIncident.id;
  const incidentId = await incident(null);
  const linkedIncidentId = await incident(patientId);

  const publishedVersionId = (
    await ok<{ currentPolicy: { id: string } }>('{ currentPolicy { id } }')
  ).currentPolicy.id;
  const draftId = (
    await ok<{ saveDraft: { id: string } }>(
      'mutation ($input: SaveDraftInput!) { saveDraft(input: $input) { id } }',
      { input: { document: policyDocument, effectiveDate: today } },
    )
  ).saveDraft.id;

  const invited = (
    await ok<{ invite: { acceptUrl: string; invitation: { id: string } } }>(
      'mutation { invite(input: { email: "hostile-invitee@example.com", name: "Invitee", role: PracticeStaff }) { acceptUrl invitation { id } } }',
    )
  ).invite;

  return {
    wilmslowId,
    icbId,
    channelId,
    spareChannelId,
    channelIds,
    complaints,
    pastRetentionId,
    incidentId,
    linkedIncidentId,
    patientId,
    publishedVersionId,
    draftId,
    invitationId: invited.invitation.id,
    invitationToken: invited.acceptUrl.split('/invitations/')[1],
    staffUserId: await t.userId(DEMO.wilmslowStaff),
    today,
  };
}
