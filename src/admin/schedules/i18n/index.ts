import { catalogSection } from '../../i18n/catalog-section.js';
import { schedulesEn } from './en.js';
import { schedulesZhCN } from './zh-CN.js';

/** The schedules area's strings, listed in ADMIN_SECTIONS. */
export const schedulesCatalog = catalogSection(schedulesZhCN, schedulesEn);
