import { channelsSection } from '../channels/i18n.js';
import { reportsSection } from '../reports/i18n.js';
import { stationsSection } from '../stations/i18n.js';
import { staffSection } from './i18n.js';

/** The catalog sections of the staff, stations, reports and channel status pages. */
export const STAFF_AREA_SECTIONS = [staffSection, stationsSection, reportsSection, channelsSection] as const;
