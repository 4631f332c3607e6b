import type { ReliefMessageKey } from './zh-CN.js';

export const en: Record<ReliefMessageKey, string> = {
  'program.TEMPORARY_RELIEF': 'temporary relief',
  'program.MINIMUM_LIVING': 'minimum living guarantee',
  'program.MEDICAL_ASSISTANCE': 'medical assistance',
  'program.EMPLOYMENT_ASSISTANCE': 'employment assistance',
  'status.IN_PROGRESS': 'News about your application for {program}: your caseworker is now preparing it with you and will contact you if anything is needed.',
  'status.SUBMITTED': 'Your application for {program} has been submitted. We are waiting for the decision and will tell you as soon as we hear.',
  'status.APPROVED': 'Good news: your application for {program} has been approved. Your caseworker will tell you how to receive it.',
  'status.DECLINED': 'Your application for {program} was not approved this time. Please do not lose heart: your caseworker will look at other options with you.',
  'note': 'From your caseworker: {note}',
};
