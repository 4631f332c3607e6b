import { PersonStatus, Programme, RiskTier, SharingScope, Track } from '../../generated/prisma/enums.js';

/** The choices a person's record offers, in the order the forms show them. */
export const PROGRAMMES = Object.values(Programme);
export const TRACKS = Object.values(Track);
export const RISK_TIERS = Object.values(RiskTier);
export const PERSON_STATUSES = Object.values(PersonStatus);
export const SHARING_SCOPES = Object.values(SharingScope);

/** The languages people chat in (the console itself speaks zh-CN and en). */
export const PERSON_LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type PersonLocale = (typeof PERSON_LOCALES)[number];

export const NAME_MAX = 80;
export const RELATION_MAX = 40;
export const PHONE_PATTERN = /^\+?[0-9][0-9 -]{4,22}$/;
export const CHECK_IN_TIME_PATTERN = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
