import { PracticeChannel, toRenderChannel } from './channels';
import { PolicyDocument, RenderContext } from './policy-document';

export type CustomerPolicySlug = 'wilmslow-health-centre' | 'trumpington-street';

/**
 * The published policy of one of Parley's first customers, as configuration. Rendering it
 * must give the customer's document word for word (see customer-policies.spec.ts).
 */
export interface CustomerPolicy {
  slug: CustomerPolicySlug;
  practiceName: string;
  document: PolicyDocument;
  /** In display order. */
  channels: PracticeChannel[];
  /** ISO date, yyyy-mm-dd. */
  effectiveDate: string;
  /** The source document, relative to this library's root (libs/shared/policy-render). */
  fixtureFile: string;
}

// Wording shared by both practices, kept once so a fix cannot reach only one of them.
const MODERN_AGE =
  'In the modern age of the internet, some people choose to air their concerns regarding services on social media.';
const TELL_US = 'Tell us about it (in a calm and polite manner!)';
const NHS_CHOICES =
  'You can visit the NHS Choices website and leave a ‘star’ rating and a comment – once again, we would ask that these comments are respectful, even if negative.';
const FACE_TO_FACE =
  'If any offensive social media posts are brought to our attention, we may contact the patient/s involved and invite them to have a face-to-face discussion about the issues that they have.';
const REMOVAL =
  'However, depending on the content of the post, it may be viewed as a potential breakdown in the doctor-patient relationship and could result in you being removed from our practice list.';
const IN_PERSON_INSTRUCTIONS =
  'Speak to any member of the reception team, or ask to speak to the practice manager.';

const wilmslow: CustomerPolicy = {
  slug: 'wilmslow-health-centre',
  practiceName: 'Wilmslow Health Centre',
  // Not stated in the source document; the date the policy was imported into Parley.
  effectiveDate: '2024-01-01',
  fixtureFile: 'fixtures/wilmslow-health-centre.txt',
  document: {
    title: '{{practiceName}} Social Media Policy',
    blocks: [
      {
        type: 'paragraph',
        text: `${MODERN_AGE} Our experience is that, overwhelmingly, comments posted on social media tend to be positive but a small number have been negative nature and attract all manner of further negative responses – often becoming individualised comments rather than constructive feedback about an organisation. Such posts about our practice staff have been brought to our attention in the past.`,
      },
      {
        type: 'channelList',
        intro:
          'We welcome all feedback – positive and negative – as it is gives us the opportunity to review the services we provide and, where necessary, make changes or improvements. Due to our obligations to preserve patient confidentiality, we are often unable to comment in reply to such public postings and so only one side of a story is presented to the public without us being able to defend our organisation. We would ask that rather than posting offensive or negative comments about the practice or any of our staff on social media, you bring aspects of the service that you are unhappy with to our attention using the following means and give us the opportunity to respond:',
      },
      {
        type: 'paragraph',
        text: 'Please do not make an appointment with a GP to air a grievance, as this is a waste of precious clinical time and takes away another patient’s opportunity to have their physical or mental health attended to.',
      },
      {
        type: 'paragraph',
        text: `${FACE_TO_FACE} We may also contact the administrators of the social media group on which postings have been made. ${REMOVAL}`,
      },
    ],
  },
  channels: [
    {
      kind: 'letter_box',
      label: 'Letter box at reception',
      policyText:
        'In writing. Please feel free to leave any comments or suggestions in the letter box next to the reception desk, or hand in to a member of staff.',
      instructions:
        'Leave your comments or suggestions in the letter box next to the reception desk, or hand them to a member of staff.',
      address: null,
      enabled: true,
    },
    {
      kind: 'in_person',
      label: 'Tell us in person',
      policyText: `${TELL_US}.`,
      instructions: IN_PERSON_INSTRUCTIONS,
      address: null,
      enabled: true,
    },
    {
      kind: 'nhs_website',
      label: 'NHS website review',
      policyText: NHS_CHOICES,
      instructions: 'Leave a star rating and a comment on our page on the NHS website.',
      // Demo address: the practice code is made up.
      address: 'https://www.nhs.uk/services/gp-surgery/wilmslow-health-centre/N81990',
      enabled: true,
    },
  ],
};

const trumpington: CustomerPolicy = {
  slug: 'trumpington-street',
  practiceName: 'Trumpington Street Medical Practice',
  effectiveDate: '2020-08-01',
  fixtureFile: 'fixtures/trumpington-street.txt',
  document: {
    title: 'Social Media Policy',
    blocks: [
      {
        type: 'paragraph',
        text: `${MODERN_AGE} Whilst many of our patients are consistently positive about their experience with us, inevitably, comments that are posted on social media about practices tend to be of a negative nature and may attract further negative responses – often becoming individualised comments rather than constructive feedback about an organisation.`,
      },
      {
        type: 'channelList',
        intro:
          'We welcome ALL feedback – positive and negative – as it is gives us the opportunity to review the services we provide and, where necessary, make changes to ensure we are continually improving our service. However, we would ask that rather than posting offensive or derogatory comments about the practice or any of our staff on social media, where we may or may not see your comments, you bring any aspects of the service that you are unhappy with to our attention in a constructive way, and one which gives us the opportunity to address your concerns. Please consider one of the following routes:',
      },
      { type: 'paragraph', text: `${FACE_TO_FACE} ${REMOVAL}` },
      {
        type: 'paragraph',
        text: 'We welcome feedback both positive and negative, however as we work hard as an organisation on a daily basis to meet ever increasing demand, with our staff facing increasing pressures, we appreciate being given the opportunity to address an issue if something has gone wrong, in a fair and constructive manner.',
      },
      { type: 'signOff', text: '{{practiceName}}: {{effectiveMonthYear}}' },
    ],
  },
  channels: [
    // Item 1 covers the letter box and both email addresses; it lives on the letter box, and
    // the email channels are offered by the embed without an item of their own.
    {
      kind: 'letter_box',
      label: 'Letter box at reception',
      policyText:
        'In writing. Please feel free to leave any comments or suggestions in the letter box next to the reception desk, hand in to a member of staff, or send an email to the practice or specifically to the practice manager if you wish to make a complaint.',
      instructions:
        'Leave your comments or suggestions in the letter box next to the reception desk, or hand them to a member of staff.',
      address: null,
      enabled: true,
    },
    {
      kind: 'in_person',
      label: 'Tell us in person',
      policyText: TELL_US,
      instructions: IN_PERSON_INSTRUCTIONS,
      address: null,
      enabled: true,
    },
    {
      kind: 'nhs_website',
      label: 'NHS website review',
      policyText: NHS_CHOICES,
      instructions: 'Leave a star rating and a comment on our page on the NHS website.',
      // Demo address: the practice code is made up.
      address: 'https://www.nhs.uk/services/gp-surgery/trumpington-street-medical-practice/D81990',
      enabled: true,
    },
    {
      kind: 'email',
      label: 'Email the practice',
      policyText: 'Email the practice.',
      instructions: 'Send your comments or suggestions to the practice by email.',
      // Demo addresses use the reserved .example domain so nothing is ever delivered.
      address: 'enquiries@trumpington-street.example',
      enabled: true,
      showInPolicy: false,
    },
    {
      kind: 'email',
      label: 'Email the practice manager',
      policyText: 'Email the practice manager.',
      instructions: 'If you wish to make a complaint, you can email the practice manager directly.',
      address: 'practice.manager@trumpington-street.example',
      enabled: true,
      showInPolicy: false,
    },
  ],
};

export const CUSTOMER_POLICIES: readonly CustomerPolicy[] = [wilmslow, trumpington];

/** The render context a customer policy is published with; neither source shows an escalation ladder. */
export function customerRenderContext(policy: CustomerPolicy): RenderContext {
  return {
    practiceName: policy.practiceName,
    effectiveDate: policy.effectiveDate,
    channels: policy.channels.map(toRenderChannel),
    escalationSteps: [],
  };
}
