import type { FC } from 'hono/jsx';
import type { StaffPrincipal } from '../../access/principal.js';
import type { AdminMessageKey, Translate } from '../../i18n/index.js';

export type AreaTab = 'staff' | 'stations' | 'reports' | 'channels';

const TABS: { id: AreaTab; href: string; label: AdminMessageKey; leadsOnly: boolean }[] = [
  { id: 'staff', href: '/admin/staff', label: 'area.staff', leadsOnly: false },
  { id: 'stations', href: '/admin/stations', label: 'area.stations', leadsOnly: false },
  { id: 'reports', href: '/admin/reports', label: 'area.reports', leadsOnly: true },
  { id: 'channels', href: '/admin/channels', label: 'area.channels', leadsOnly: true },
];

/** Supervisors and admins see reports and channel status; caseworkers their profile and station. */
export function isLead(staff: Pick<StaffPrincipal, 'role'>): boolean {
  return staff.role === 'ADMIN' || staff.role === 'SUPERVISOR';
}

/** The tabs shared by the staff, stations, reports and channel status pages. */
export const AreaTabs: FC<{ t: Translate; staff: StaffPrincipal; current: AreaTab }> = ({ t, staff, current }) => (
  <nav class="area-tabs" aria-label={t('area.label')}>
    {TABS.filter((tab) => !tab.leadsOnly || isLead(staff)).map((tab) => (
      <a href={tab.href} class={tab.id === current ? 'current' : undefined} aria-current={tab.id === current ? 'page' : undefined}>
        {t(tab.label)}
      </a>
    ))}
  </nav>
);
